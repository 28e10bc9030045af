using System.Diagnostics;
using System.Globalization;
using RagPapers.Papers;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Bench;

/// <summary>
/// The term counter an ingest runs beside each batch (<see cref="FtsTermChanges"/>: term counts and keyword postings),
/// alone, on the papers of a JSON Lines file (a chunk per paper, title and abstract, as ingest makes them): every chunk
/// through FTS5 (today's reference) against the .NET tokenizer, interleaved, CPU time of the process for each.
/// </summary>
internal static class TermCountingBenchmark
{
    public static async Task<int> RunAsync(string path, int rounds)
    {
        var papers = new List<Paper>();
        await foreach (var record in new JsonLinesPaperReader().ReadAsync(path))
        {
            if (record.Paper is { } paper)
            {
                papers.Add(paper);
            }
        }

        var ascii = papers.Count(p => System.Text.Ascii.IsValid(p.Title) && System.Text.Ascii.IsValid(p.Abstract));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{papers.Count} papers, {ascii} of them pure ASCII"));
        for (var round = 0; round < rounds; round++)
        {
            foreach (var fts5Only in new[] { true, false })
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                long chunkId = 1;
                foreach (var batch in papers.Chunk(2048))
                {
                    var changes = new FtsTermChanges(fts5Only);
                    foreach (var paper in batch)
                    {
                        changes.Add(paper.Title, paper.Abstract, chunkId++);
                    }

                    await changes.CountOnOwnConnectionAsync(CancellationToken.None);
                }

                var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(fts5Only ? "FTS5 only     " : ".NET tokenizer")}: CPU {used.TotalSeconds:0.00} s, wall {watch.Elapsed.TotalSeconds:0.00} s ({papers.Count / used.TotalSeconds:0} papers per CPU second)"));
            }
        }

        return 0;
    }
}
