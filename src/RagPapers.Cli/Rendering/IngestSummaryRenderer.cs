using System.Globalization;
using RagPapers.Cli.Terminal;
using RagPapers.Ingestion;

namespace RagPapers.Cli.Rendering;

internal static class IngestSummaryRenderer
{
    public static string Headline(IngestSummary summary, int files) => string.Create(
        CultureInfo.InvariantCulture,
        $"Ingested {files} file(s) in {summary.Elapsed.TotalSeconds:0.00} s: read {summary.Read}, added {summary.Added}, updated {summary.Updated}, unchanged {summary.Unchanged}, skipped {summary.Skipped}");

    /// <summary>The headline, then each replaced paper (title and id), each note (another listing of a paper already read) and each skipped record with its reason.</summary>
    public static void Write(ConsoleView output, IngestSummary summary, int files)
    {
        output.Line(Headline(summary, files));
        foreach (var updated in summary.Results.Where(r => r.Outcome == IngestOutcome.Updated))
        {
            output.Line(["updated ", new(updated.Title ?? "", Tone.Title), new($" (id {updated.PaperId})", Tone.Muted)], indent: 2, hangingIndent: 4);
        }

        foreach (var note in summary.Notes)
        {
            output.Line([new($"note {note}", Tone.Muted)], indent: 2, hangingIndent: 4);
        }

        foreach (var diagnostic in summary.Diagnostics)
        {
            output.Line([new($"skipped {diagnostic}", Tone.Notice)], indent: 2, hangingIndent: 4);
        }
    }
}
