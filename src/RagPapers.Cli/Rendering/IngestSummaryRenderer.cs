using System.Globalization;
using RagPapers.Cli.Terminal;
using RagPapers.Ingestion;

namespace RagPapers.Cli.Rendering;

internal static class IngestSummaryRenderer
{
    public static string Headline(IngestSummary summary, int files) => string.Create(
        CultureInfo.InvariantCulture,
        $"Ingested {files} file(s) in {summary.Elapsed.TotalSeconds:0.00} s: read {summary.Read}, added {summary.Added}, updated {summary.Updated}, unchanged {summary.Unchanged}, skipped {summary.Skipped}");

    /// <summary>
    /// The headline, then each replaced paper (title and id), each note (another listing of a paper already read) and
    /// each skipped record with its reason, up to <see cref="IngestSummary.MaxListed"/> of each, with a line saying how
    /// many more there were.
    /// </summary>
    public static void Write(ConsoleView output, IngestSummary summary, int files)
    {
        output.Line(Headline(summary, files));
        foreach (var updated in summary.UpdatedPapers)
        {
            output.Line(["updated ", new(updated.Title ?? "", Tone.Title), new($" (id {updated.PaperId})", Tone.Muted)], indent: 2, hangingIndent: 4);
        }

        More(output, summary.Updated - summary.UpdatedPapers.Count, "updated papers", Tone.Muted);
        foreach (var note in summary.Notes)
        {
            output.Line([new($"note {note}", Tone.Muted)], indent: 2, hangingIndent: 4);
        }

        More(output, summary.NoteCount - summary.Notes.Count, "notes", Tone.Muted);
        foreach (var diagnostic in summary.Diagnostics)
        {
            output.Line([new($"skipped {diagnostic}", Tone.Notice)], indent: 2, hangingIndent: 4);
        }

        More(output, summary.Skipped - summary.Diagnostics.Count, "skipped records", Tone.Notice);
    }

    private static void More(ConsoleView output, int count, string what, Tone tone)
    {
        if (count > 0)
        {
            output.Line([new(string.Create(CultureInfo.InvariantCulture, $"... and {count:N0} more {what}, not listed"), tone)], indent: 2, hangingIndent: 4);
        }
    }
}
