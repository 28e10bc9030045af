using System.Globalization;
using System.Text.RegularExpressions;
using RagPapers.Answering.Contracts;
using RagPapers.Cli.Terminal;
using RagPapers.Text;

namespace RagPapers.Cli.Rendering;

/// <summary>The console form of an answer: the text, then the numbered sources with title, date and quoted passage.</summary>
internal static partial class AnswerRenderer
{
    private const string LabelSeparator = " \u2014 ";

    public static void Write(ConsoleView output, Answer answer)
    {
        WriteSearchedFor(output, answer.SearchedFor);
        WriteNotice(output, answer);
        foreach (var line in answer.Text.Split('\n'))
        {
            output.Line(TextLine(DisplayText.Clean(line)), indent: 0, hangingIndent: 2);
        }

        WriteSourceList(output, answer);
    }

    /// <summary>What follows an answer whose text was already streamed: its notice, then its sources.</summary>
    public static void WriteAfterStream(ConsoleView output, Answer answer)
    {
        WriteSearchedFor(output, answer.SearchedFor);
        WriteNotice(output, answer);
        WriteSourceList(output, answer);
    }

    /// <summary>"(searched for: …)" when spelling correction changed the question or query, so the user sees what was searched.</summary>
    public static void WriteSearchedFor(ConsoleView output, string? searchedFor)
    {
        if (searchedFor is { Length: > 0 })
        {
            output.Line($"(searched for: {searchedFor})", Tone.Notice);
        }
    }

    /// <summary>The /sources view: every field of every citation.</summary>
    public static void WriteSources(ConsoleView output, Answer answer)
    {
        foreach (var c in answer.Citations)
        {
            output.Line([Mark(c.N), " ", new(DisplayText.Clean(c.Title), Tone.Title)], indent: 0, hangingIndent: 4);
            output.Line([new(string.Create(CultureInfo.InvariantCulture, $"id {c.PaperId} · {Date(c.Date)} · {c.Source} · score {c.Score:0.000}"), Tone.Muted)], indent: 4, hangingIndent: 4);
            output.Line([Quoted(c.Quote)], indent: 4, hangingIndent: 5);
        }
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    /// <summary>A line of answer text: the paper's label ("HuBERT (2021) — ") as a title, citation marks coloured.</summary>
    internal static IReadOnlyList<StyledText> TextLine(string line)
    {
        var pieces = new List<StyledText>();
        var separator = line.IndexOf(LabelSeparator, StringComparison.Ordinal);
        var body = line;
        if (separator > 0)
        {
            pieces.Add(new(line[..separator], Tone.Title));
            pieces.Add(LabelSeparator);
            body = line[(separator + LabelSeparator.Length)..];
        }

        var at = 0;
        foreach (Match mark in CitationMark().Matches(body))
        {
            pieces.Add(body[at..mark.Index]);
            pieces.Add(new(mark.Value, Tone.Citation));
            at = mark.Index + mark.Length;
        }

        pieces.Add(body[at..]);
        return pieces;
    }

    private static void WriteNotice(ConsoleView output, Answer answer)
    {
        if (answer.Notice is { Length: > 0 } notice)
        {
            output.Line($"({notice})", Tone.Notice);
        }
    }

    private static void WriteSourceList(ConsoleView output, Answer answer)
    {
        if (answer.Citations.Count == 0)
        {
            return;
        }

        output.Line();
        output.Line("Sources:", Tone.Heading);
        foreach (var citation in answer.Citations)
        {
            output.Line([Mark(citation.N), " ", new(DisplayText.Clean(citation.Title), Tone.Title), new($" ({Date(citation.Date)})", Tone.Muted)], indent: 2, hangingIndent: 6);
            output.Line([Quoted(citation.Quote)], indent: 6, hangingIndent: 7);
        }
    }

    private static StyledText Mark(int n) => new(string.Create(CultureInfo.InvariantCulture, $"[{n}]"), Tone.Citation);

    private static StyledText Quoted(string quote) => $"\"{DisplayText.Clean(quote)}\"";

    [GeneratedRegex(@"\[\d+(?:[,\u2013-]\s*\d+)*\]")]
    private static partial Regex CitationMark();
}
