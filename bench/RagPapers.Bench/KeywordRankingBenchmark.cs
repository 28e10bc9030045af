using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using RagPapers.Evaluation;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Bench;

/// <summary>
/// <c>keyword-ranking STORE QUERIES [OUT]</c>: the first keyword pass of a large store alone (the postings on disk read,
/// decoded and scored for the best 300 chunks, as feedback asks), without spelling, feedback or the hits' texts, so a
/// change to the ranking is measured apart from the rest of a question. Every query is ranked twice, the first time
/// untimed (warm pages). OUT, if given, receives each query's ranking with the scores' exact bits, to compare two
/// builds byte for byte.
/// </summary>
internal static class KeywordRankingBenchmark
{
    private const int Candidates = 300;
    private const double TitleWeight = 2.0;

    public static async Task<int> RunAsync(string store, string queriesPath, string? output)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(store), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync();
        using var commands = new CommandCache(connection);

        // As SqlitePaperIndex opens a large store: its memory map and its page cache.
        await commands.Get("PRAGMA mmap_size=268435456").ExecuteNonQueryAsync();
        await commands.Get("PRAGMA cache_size = -65536").ExecuteNonQueryAsync();

        var (chunks, tokens) = await FtsTermRows.ReadTotalsAsync(commands, CancellationToken.None);
        var stemmer = new FtsStemmer(commands);
        var queries = await BeirQueriesReader.ReadAsync(queriesPath);
        var terms = new List<IReadOnlyList<(string Stem, long Rows)>>(queries.Count);
        foreach (var query in queries)
        {
            terms.Add(await InformativeStemsAsync(commands, stemmer, query.Text, chunks));
        }

        var sut = new KeywordPostingsRanking();
        await using var writer = output is null ? null : new StreamWriter(output);
        foreach (var query in terms)
        {
            await sut.RankAsync(commands, query, chunks, tokens, TitleWeight, Candidates, CancellationToken.None);
        }

        var samples = new List<double>(queries.Count);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        for (var i = 0; i < queries.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var ranked = await sut.RankAsync(commands, terms[i], chunks, tokens, TitleWeight, Candidates, CancellationToken.None);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (writer is not null)
            {
                foreach (var (id, score) in ranked)
                {
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{queries[i].Id}\t{id}\t{BitConverter.DoubleToInt64Bits(score):X16}"));
                }
            }
        }

        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / queries.Count;
        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{queries.Count} rankings of {Candidates}: p50 {samples[samples.Count / 2]:0.00} ms, p95 {samples[samples.Count * 95 / 100]:0.00} ms, max {samples[^1]:0.00} ms, mean {samples.Average():0.00} ms, CPU {cpu:0.00} ms each"));
        return 0;
    }

    /// <summary>The query's stems worth ranking by, as SqlitePaperIndex chooses them: below half the chunks, else the rarest.</summary>
    private static async Task<IReadOnlyList<(string Stem, long Rows)>> InformativeStemsAsync(CommandCache commands, FtsStemmer stemmer, string text, long chunks)
    {
        var stems = await stemmer.StemAsync(FtsQuery.Terms(text), CancellationToken.None);
        var known = stems.Where(s => s is not null).Select(s => s!).ToArray();
        var rows = await FtsTermRows.ReadChunkCountsAsync(commands, known, CancellationToken.None);
        var found = known.Select((stem, i) => (Stem: stem, Rows: rows[i])).Where(t => t.Rows > 0).ToList();
        var informative = found.Where(t => 2 * t.Rows < chunks).ToList();
        return informative.Count > 0 || found.Count == 0 ? informative : [found.MinBy(t => t.Rows)];
    }
}
