using System.Runtime.InteropServices;
using RagPapers.Text;

namespace RagPapers.Bench;

/// <summary>
/// The vocabulary's word counter as it was before issue #20 (a dictionary of strings fed by an iterator), kept as the
/// reference <see cref="WordCountingBenchmark"/> measures and checks the new one against.
/// </summary>
internal sealed class WordCountingReference
{
    private readonly Dictionary<string, (int Delta, int LastPaper)> _words = new(StringComparer.Ordinal);
    private int _paper;

    public void Add(string title, string @abstract)
    {
        _paper++;
        CountText(title);
        CountText(@abstract);
    }

    public void Include(WordCountingReference counted)
    {
        _paper++;
        foreach (var (word, entry) in counted._words)
        {
            ref var mine = ref CollectionsMarshal.GetValueRefOrAddDefault(_words, word, out _);
            mine = (mine.Delta + entry.Delta, _paper);
        }
    }

    public KeyValuePair<string, int>[] Changes() => [.. _words.Where(w => w.Value.Delta != 0).Select(w => KeyValuePair.Create(w.Key, w.Value.Delta))];

    private static IEnumerable<WordToken> Tokens(string text)
    {
        var position = 0;
        while (position < text.Length)
        {
            while (position < text.Length && !char.IsLetterOrDigit(text[position]))
            {
                position++;
            }

            var start = position;
            var letters = true;
            while (position < text.Length && char.IsLetterOrDigit(text[position]))
            {
                letters &= char.IsLetter(text[position]);
                position++;
            }

            if (position > start)
            {
                yield return new WordToken(start, position - start, letters);
            }
        }
    }

    private void CountText(string text)
    {
        var lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[SurfaceWords.MaxLength];
        foreach (var token in Tokens(text))
        {
            if (token.Length is < 2 or > SurfaceWords.MaxLength || !token.IsLetters)
            {
                continue;
            }

            var word = buffer[..text.AsSpan(token.Start, token.Length).ToLowerInvariant(buffer)];
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, word, out _);
            if (entry.LastPaper != _paper)
            {
                entry = (entry.Delta + 1, _paper);
            }
        }
    }
}
