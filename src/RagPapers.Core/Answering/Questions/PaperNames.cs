using System.Text.RegularExpressions;
using RagPapers.Papers;
using RagPapers.Text;

namespace RagPapers.Answering.Questions;

/// <summary>
/// Whether a question names a paper: its arXiv id, the name before the colon of its title ("HuBERT"), its whole
/// title, or a coined word of its title ("wav2vec", "MedFLIP": letters in mixed case or with digits). Plain title
/// words ("learning", "Self-Supervised") do not count: every other paper has them.
/// </summary>
internal static partial class PaperNames
{
    private const int MaxShortNameLength = 40;
    private const int MinCoinedWordLength = 4;

    public static bool IsNamedIn(Paper paper, string question)
    {
        var title = DisplayText.Clean(paper.Title);
        if (paper.ArxivId is { Length: > 0 } arxiv && question.Contains(arxiv, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var colon = title.IndexOf(':', StringComparison.Ordinal);
        if (colon > 1 && colon <= MaxShortNameLength && ContainsPhrase(question, title[..colon].Trim()))
        {
            return true;
        }

        return ContainsPhrase(question, title.TrimEnd('.'))
            || Words().Matches(title).Any(w => IsCoined(w.Value) && ContainsPhrase(question, w.Value, StringComparison.Ordinal));
    }

    private static bool IsCoined(string word) =>
        word.Length >= MinCoinedWordLength
        && word.Any(char.IsLetter)
        && (word.Any(char.IsAsciiDigit) || word.Skip(1).Any(char.IsUpper) && word.Any(char.IsLower));

    private static bool ContainsPhrase(string question, string phrase, StringComparison comparison = StringComparison.OrdinalIgnoreCase)
    {
        if (phrase.Length < 2)
        {
            return false;
        }

        for (var at = question.IndexOf(phrase, comparison); at >= 0; at = question.IndexOf(phrase, at + 1, comparison))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(question[at - 1])) && (end == question.Length || !char.IsLetterOrDigit(question[end])))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-]*")]
    private static partial Regex Words();
}
