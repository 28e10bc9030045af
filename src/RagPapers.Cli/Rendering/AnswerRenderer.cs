using System.Globalization;
using RagPapers.Answering;

namespace RagPapers.Cli.Rendering;

/// <summary>The console form of an answer: the text, then the numbered sources with title, date and quoted passage.</summary>
internal static class AnswerRenderer
{
    public static void Write(TextWriter output, Answer answer)
    {
        WriteSearchedFor(output, answer.SearchedFor);
        WriteNotice(output, answer);
        output.WriteLine(answer.Text);
        WriteSourceList(output, answer);
    }

    /// <summary>What follows an answer whose text was already streamed: its notice, then its sources.</summary>
    public static void WriteAfterStream(TextWriter output, Answer answer)
    {
        WriteSearchedFor(output, answer.SearchedFor);
        WriteNotice(output, answer);
        WriteSourceList(output, answer);
    }

    /// <summary>"(searched for: …)" when spelling correction changed the question or query, so the user sees what was searched.</summary>
    public static void WriteSearchedFor(TextWriter output, string? searchedFor)
    {
        if (searchedFor is { Length: > 0 })
        {
            output.WriteLine($"(searched for: {searchedFor})");
        }
    }

    private static void WriteNotice(TextWriter output, Answer answer)
    {
        if (answer.Notice is { Length: > 0 } notice)
        {
            output.WriteLine($"({notice})");
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
            output.WriteLine($"  [{citation.N}] {citation.Title} ({Date(citation.Date)})");
            output.WriteLine($"      \"{citation.Quote}\"");
        }
    }

    /// <summary>The /sources view: every field of every citation.</summary>
    public static void WriteSources(TextWriter output, Answer answer)
    {
        foreach (var c in answer.Citations)
        {
            output.WriteLine($"[{c.N}] {c.Title}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    id {c.PaperId} · {Date(c.Date)} · {c.Source} · score {c.Score:0.000}"));
            output.WriteLine($"    \"{c.Quote}\"");
        }
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
}
