using System.Globalization;
using RagPapers.Papers;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Bench;

/// <summary>
/// The vocabulary's word counter an ingest runs beside each batch (<see cref="VocabularyDelta"/>, as
/// <see cref="AddedTextCounter"/> uses it), alone, on the papers of a JSON Lines file in batches of 2,048: the counter
/// before issue #20 (<see cref="WordCountingReference"/>) against today's, interleaved, CPU time of the counting thread
/// for each, after checking that both give every batch the same words and deltas in the same order.
/// </summary>
internal static class WordCountingBenchmark
{
    private const int BatchSize = 2048;

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

        var batches = papers.Chunk(BatchSize).ToArray();
        var ascii = papers.Count(p => System.Text.Ascii.IsValid(p.Title) && System.Text.Ascii.IsValid(p.Abstract));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{papers.Count} papers, {ascii} of them pure ASCII, {batches.Length} batches"));
        var words = 0;
        foreach (var batch in batches)
        {
            var expected = CountReference(batch).Changes();
            using var counted = CountNew(batch);
            var actual = counted.Changes();
            using var included = Include(CountNew(batch));
            if (!expected.SequenceEqual(actual) || !expected.SequenceEqual(included.Changes()))
            {
                Console.WriteLine("DIFFERENT: the new counter's words or deltas differ from the reference's");
                return 1;
            }

            words += expected.Length;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"identical: {words} word deltas over {batches.Length} batches, same words, deltas and order"));
        for (var round = 0; round < rounds; round++)
        {
            Measure("before (dictionary of strings)", papers.Count, () =>
            {
                foreach (var batch in batches)
                {
                    GC.KeepAlive(CountReference(batch));
                }
            });
            Measure("before + writer's Include     ", papers.Count, () =>
            {
                foreach (var batch in batches)
                {
                    var words = new WordCountingReference();
                    words.Include(CountReference(batch));
                    GC.KeepAlive(words);
                }
            });
            Measure("after (numbered, packed)      ", papers.Count, () =>
            {
                foreach (var batch in batches)
                {
                    CountNew(batch).Dispose();
                }
            });
            Measure("after + writer's Include      ", papers.Count, () =>
            {
                foreach (var batch in batches)
                {
                    Include(CountNew(batch)).Dispose();
                }
            });
        }

        return 0;
    }

    private static WordCountingReference CountReference(Paper[] batch)
    {
        var words = new WordCountingReference();
        foreach (var paper in batch)
        {
            words.Add(paper.Title, paper.Abstract);
        }

        return words;
    }

    private static VocabularyDelta CountNew(Paper[] batch)
    {
        var words = new VocabularyDelta();
        foreach (var paper in batch)
        {
            words.Add(paper.Title, paper.Abstract);
        }

        return words;
    }

    // What the store's writer does with the counted words: includes them into the write's own delta.
    private static VocabularyDelta Include(VocabularyDelta counted)
    {
        var words = new VocabularyDelta();
        using (counted)
        {
            words.Include(counted);
        }

        return words;
    }

    // The counting thread's CPU time (ThreadCpuTime), and the process's, which adds what the GC did on its own threads.
    private static void Measure(string label, int papers, Action count)
    {
        GC.Collect();
        var process = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var cpu = ThreadCpuTime.Milliseconds();
        count();
        var used = (ThreadCpuTime.Milliseconds() - cpu) / 1000;
        var all = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - process).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: CPU {used:0.000} s ({papers / used:0} papers per CPU second), process CPU with the GC's threads {all:0.000} s"));
    }
}
