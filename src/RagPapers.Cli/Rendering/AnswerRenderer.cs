using System.Globalization;
using RagPapers.Answering;

namespace RagPapers.Cli.Rendering;

/// <summary>The console form of an answer: the text, then the numbered sources with title, date and quoted passage.</summary>
internal static class AnswerRenderer
{
    public static void Write(TextWriter output, Answer answer)
    {
        WriteNotice(output, answer);
        output.WriteLine(TerminalText.Safe(answer.Text));
        WriteSourceList(output, answer);
    }

    /// <summary>What follows an answer whose text was already streamed: its notice, then its sources.</summary>
    public static void WriteAfterStream(TextWriter output, Answer answer)
    {
        WriteNotice(output, answer);
        WriteSourceList(output, answer);
    }

    private static void WriteNotice(TextWriter output, Answer answer)
    {
        if (answer.Notice is { Length: > 0 } notice)
        {
            output.WriteLine(TerminalText.Safe($"({notice})"));
        }
    }

    private static void WriteSourceList(TextWriter output, Answer answer)
    {
        if (answer.Citations.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Sources:");
        foreach (var citation in answer.Citations)
        {
            output.WriteLine(TerminalText.Safe($"  [{citation.N}] {citation.Title} ({Date(citation.Date)})"));
            output.WriteLine(TerminalText.Safe($"      \"{citation.Quote}\""));
        }
    }

    /// <summary>The /sources view: every field of every citation.</summary>
    public static void WriteSources(TextWriter output, Answer answer)
    {
        foreach (var c in answer.Citations)
        {
            output.WriteLine(TerminalText.Safe($"[{c.N}] {c.Title}"));
            output.WriteLine(TerminalText.Safe(string.Create(CultureInfo.InvariantCulture, $"    id {c.PaperId} · {Date(c.Date)} · {c.Source} · score {c.Score:0.000}")));
            output.WriteLine(TerminalText.Safe($"    \"{c.Quote}\""));
        }
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
}
