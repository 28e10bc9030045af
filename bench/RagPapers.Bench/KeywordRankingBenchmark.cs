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
/// builds byte for byte. <c>keyword-decode STORE QUERIES</c> times the scoring alone: each query's blocks read into
/// memory first, then decoded, scored and the best chosen three times, the least thread CPU time counted (Linux).
/// </summary>
internal static class KeywordRankingBenchmark
{
    private const int Candidates = 300;
    private const double TitleWeight = 2.0;

    public static async Task<int> RunAsync(string store, string queriesPath, string? output)
    {
        var (commands, connection, chunks, tokens, terms) = await OpenAsync(store, queriesPath);
        await using var _ = connection;
        using var __ = commands;
        var queries = await BeirQueriesReader.ReadAsync(queriesPath);
        var sut = new KeywordPostingsRanking();
        await using var writer = output is null ? null : new StreamWriter(output);
        foreach (var query in terms)
        {
            await sut.RankAsync(commands, query, chunks, tokens, TitleWeight, Candidates, null, null, CancellationToken.None);
        }

        var samples = new List<double>(queries.Count);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        for (var i = 0; i < queries.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var ranked = await sut.RankAsync(commands, terms[i], chunks, tokens, TitleWeight, Candidates, null, null, CancellationToken.None);
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

    public static async Task<int> RunDecodeAsync(string store, string queriesPath)
    {
        var (commands, connection, chunks, tokens, terms) = await OpenAsync(store, queriesPath);
        await using var _ = connection;
        using var __ = commands;
        var size = (int)await KeywordPostingRows.LastChunkIdAsync(commands, null, CancellationToken.None) + 1;
        var scores = new ChunkScores();
        var shares = new TermShares();
        var samples = new List<double>(terms.Count);
        long postingBytes = 0;
        foreach (var query in terms)
        {
            var blocks = new List<(double Idf, List<(long First, byte[] Block)> Rows)>();
            foreach (var (stem, rows) in query)
            {
                var read = new List<(long, byte[])>();
                using var reader = await commands.Get(KeywordPostingRows.ReadSql).Set("$term", stem).ExecuteReaderAsync();
                while (reader.Read())
                {
                    read.Add((reader.GetInt64(0), (byte[])reader.GetValue(1)));
                    postingBytes += read[^1].Item2.Length;
                }

                blocks.Add((FtsBm25.Idf((int)rows, (int)chunks), read));
            }

            var fastest = double.MaxValue;
            for (var round = 0; round < 3; round++)
            {
                var started = ThreadCpuTime.Milliseconds();
                scores.Start(size, query.Sum(t => t.Rows));
                foreach (var (idf, rows) in blocks)
                {
                    shares.Reset(idf, TitleWeight, (double)tokens / chunks);
                    foreach (var (first, block) in rows)
                    {
                        scores.Add(block, first, shares);
                    }
                }

                scores.Best(Candidates, null);
                scores.Clear();
                fastest = Math.Min(fastest, ThreadCpuTime.Milliseconds() - started);
            }

            samples.Add(fastest);
        }

        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{terms.Count} scorings of blocks in memory ({postingBytes / terms.Count / 1e6:0.0} MB of postings each), thread CPU: p50 {samples[samples.Count / 2]:0.00} ms, p95 {samples[samples.Count * 95 / 100]:0.00} ms, mean {samples.Average():0.00} ms"));
        return 0;
    }

    /// <summary>The store opened as SqlitePaperIndex opens a large one (its memory map and page cache), with each query's informative stems.</summary>
    private static async Task<(CommandCache Commands, SqliteConnection Connection, long Chunks, long Tokens, List<IReadOnlyList<(string Stem, long Rows)>> Terms)> OpenAsync(
        string store, string queriesPath)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(store), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var commands = new CommandCache(connection);
        await commands.Get("PRAGMA mmap_size=268435456").ExecuteNonQueryAsync();
        await commands.Get("PRAGMA cache_size = -65536").ExecuteNonQueryAsync();

        var (chunks, tokens) = await FtsTermRows.ReadTotalsAsync(commands, CancellationToken.None);
        var stemmer = new FtsStemmer(commands);
        var terms = new List<IReadOnlyList<(string Stem, long Rows)>>();
        foreach (var query in await BeirQueriesReader.ReadAsync(queriesPath))
        {
            terms.Add(await InformativeStemsAsync(commands, stemmer, query.Text, chunks));
        }

        return (commands, connection, chunks, tokens, terms);
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
