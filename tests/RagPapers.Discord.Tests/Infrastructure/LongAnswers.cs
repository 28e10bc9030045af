using System.Globalization;
using System.Text;
using RagPapers.Answering.Contracts;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>
/// An answer longer than every Discord limit: about 24,000 characters of text with 30 numbered sources, one
/// 5,000-character sentence with a citation in its middle, titles over 256 and quotes over 1,024 characters.
/// </summary>
public static class LongAnswers
{
    public const int Sources = 30;

    public static Answer Create()
    {
        var text = new StringBuilder();
        for (var n = 1; n <= Sources; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Paper {n} — ");
            for (var s = 1; s <= 6; s++)
            {
                text.Append(CultureInfo.InvariantCulture, $"Finding {s} of paper {n} shows that method {n}.{s} improves accuracy on benchmark {s} by a clear margin over strong baselines. [{n}] ");
            }

            text.Length--;
            text.Append('\n');
        }

        text.Append("One run-on sentence follows ");
        for (var w = 0; w < 500; w++)
        {
            text.Append(w == 250 ? "[7] " : "wordy ");
        }

        text.Append("and ends here. [7]");
        var citations = Enumerable.Range(1, Sources).Select(n => new Citation(
            n,
            "t-" + n.ToString("x16", CultureInfo.InvariantCulture),
            $"A very long title number {n} " + string.Concat(Enumerable.Repeat("with many words ", 20)),
            new DateOnly(2024, 1, n % 28 + 1),
            "long.jsonl",
            string.Concat(Enumerable.Repeat($"Quoted sentence of paper {n} goes on. ", 40)),
            0.9)).ToArray();
        return new Answer(AnswerStatus.Answered, text.ToString(), citations, "test");
    }

    /// <summary>Text with runs of whitespace made single spaces, to compare text split across messages.</summary>
    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
