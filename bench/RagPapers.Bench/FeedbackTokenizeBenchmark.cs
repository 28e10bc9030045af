using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Bench;

/// <summary>
/// <c>feedback-tokenize STORE [SETS]</c>: feedback's .NET tokenizing on a large store alone. SETS (default 50) sets of
/// 300 chunks drawn at random (fixed seed) are read once; each is tokenized (<see cref="TokenizedChunks.Of"/>, with the
/// term numbering kept from set to set as the store keeps it) and turned into feedback's two statistics (10 chunks
/// whole; then those and 40 of their terms), five times, the least wall time counted (on a shared machine the least is the one least disturbed).
/// </summary>
internal static class FeedbackTokenizeBenchmark
{
    private const int Candidates = 300;
    private const string ReadSql = $"SELECT c.id, p.title, {ChunkText.Sql} FROM chunks c JOIN papers p ON p.id = c.paper_id WHERE c.id IN (SELECT value FROM json_each($ids))";

    public static async Task<int> RunAsync(string store, int sets)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(store), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync();
        using var commands = new CommandCache(connection);
        var last = await KeywordPostingRows.LastChunkIdAsync(commands, null, CancellationToken.None);
        var random = new Random(20261207);
        var rows = new List<Dictionary<long, (string Title, string Text)>>();
        for (var s = 0; s < sets; s++)
        {
            var ids = Enumerable.Range(0, Candidates).Select(_ => random.NextInt64(1, last + 1)).Distinct();
            var set = new Dictionary<long, (string, string)>();
            using var reader = await commands.Get(ReadSql).Set("$ids", JsonIdList.From(ids)).ExecuteReaderAsync();
            while (reader.Read())
            {
                set[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2));
            }

            rows.Add(set);
        }

        var numbering = new TermNumbering();
        var (tokenize, statistics) = (new List<double>(), new List<double>());
        for (var round = 0; round < 2; round++)
        {
            foreach (var set in rows)
            {
                var (fastestTokenize, fastestStatistics) = (double.MaxValue, double.MaxValue);
                for (var i = 0; i < 5; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var tokenized = TokenizedChunks.Of(set, numbering)!;
                    var tokenizedAt = Stopwatch.GetTimestamp();
                    var whole = set.Keys.Take(10).ToHashSet();
                    var first = tokenized.Statistics(whole, [], set.Count);
                    var chosen = Enumerable.Range(0, first.TermCount).Where(t => t % 7 == 0).Take(40).Select(first.Term).ToHashSet(StringComparer.Ordinal);
                    tokenized.Statistics(whole, chosen, set.Count, tokenized.Lengths());
                    fastestTokenize = Math.Min(fastestTokenize, Stopwatch.GetElapsedTime(started, tokenizedAt).TotalMilliseconds);
                    fastestStatistics = Math.Min(fastestStatistics, Stopwatch.GetElapsedTime(tokenizedAt).TotalMilliseconds);
                }

                if (round == 1)
                {
                    tokenize.Add(fastestTokenize);
                    statistics.Add(fastestStatistics);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sets} sets of {Candidates} chunks ({rows.Average(r => r.Values.Sum(v => v.Title.Length + v.Text.Length)) / 1000:0} k chars each), least of five: tokenize p50 {Median(tokenize):0.00} ms, statistics p50 {Median(statistics):0.00} ms"));
        return 0;
    }

    private static double Median(List<double> samples) => samples.Order().ElementAt(samples.Count / 2);
}
