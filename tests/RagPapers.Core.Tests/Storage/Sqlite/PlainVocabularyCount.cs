namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>
/// The vocabulary's counting written plainly, as the counter did it before issue #20: split at every character that is
/// not a letter or digit, keep runs of 2 to 32 letters, lower-case them invariantly, and count each distinct word once
/// per paper. The changes come out in the order the words were first met, zero changes left out.
/// </summary>
internal sealed class PlainVocabularyCount
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, int> _deltas = new(StringComparer.Ordinal);

    public void Count(string title, string @abstract, int sign)
    {
        foreach (var word in Words(title).Concat(Words(@abstract)).Distinct(StringComparer.Ordinal))
        {
            if (!_deltas.TryGetValue(word, out var delta))
            {
                _order.Add(word);
            }

            _deltas[word] = delta + sign;
        }
    }

    public KeyValuePair<string, int>[] Changes() => [.. _order.Where(w => _deltas[w] != 0).Select(w => KeyValuePair.Create(w, _deltas[w]))];

    public static IEnumerable<string> Words(string text)
    {
        var run = new List<char>();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                run.Add(c);
                continue;
            }

            if (run.Count is >= 2 and <= 32 && run.All(char.IsLetter))
            {
                yield return new string([.. run]).ToLowerInvariant();
            }

            run.Clear();
        }
    }
}
