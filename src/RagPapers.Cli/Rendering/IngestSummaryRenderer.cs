using System.Globalization;
using RagPapers.Ingestion;

namespace RagPapers.Cli.Rendering;

internal static class IngestSummaryRenderer
{
    public static string Headline(IngestSummary summary, int files) => string.Create(
        CultureInfo.InvariantCulture,
        $"Ingested {files} file(s) in {summary.Elapsed.TotalSeconds:0.00} s: read {summary.Read}, added {summary.Added}, updated {summary.Updated}, unchanged {summary.Unchanged}, skipped {summary.Skipped}");

    public static void Write(TextWriter output, IngestSummary summary, int files)
    {
        output.WriteLine(Headline(summary, files));
        foreach (var diagnostic in summary.Diagnostics)
        {
            output.WriteLine(TerminalText.Safe($"  skipped {diagnostic}"));
        }
    }
}
