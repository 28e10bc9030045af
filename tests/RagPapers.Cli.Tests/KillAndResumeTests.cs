using System.Text.Json;
using Microsoft.Data.Sqlite;
using RagPapers.Testing.Storage;

namespace RagPapers.Cli.Tests;

public sealed class KillAndResumeTests
{
    private const int PaperCount = 6000;

    [Fact]
    public async Task Ingest_KilledMidway_LeavesAConsistentStoreAndTheNextRunCompletesIt()
    {
        using var folder = new TempFolder();
        var collection = folder.File("synthetic.jsonl");
        var store = folder.File("store.db");
        await WriteSyntheticCollectionAsync(collection, PaperCount);
        var smallBatches = new Dictionary<string, string> { ["RAGPAPERS_Ingestion__BatchSize"] = "25" };

        using (var first = CliProcess.Start(["ingest", collection, "--store", store], smallBatches))
        {
            var committed = await WaitForCommittedPapersAsync(store, first);
            first.Signal("KILL");
            await first.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.InRange(committed, 1, PaperCount - 1);
        }

        var (papersAfterKill, orphanChunks, papersWithoutChunks) = Inspect(store);
        Assert.InRange(papersAfterKill, 1, PaperCount - 1);
        Assert.Equal(0, orphanChunks);
        Assert.Equal(0, papersWithoutChunks);
        Assert.Equal(0, papersAfterKill % 25); // only whole batches landed
        Assert.Equal(TermCountsOnDisk(store), TermCountsOfFts5(store)); // the keyword index's counts landed with the batches

        // The killed store opens and answers, keyword search ranking from disk as a large store does.
        var search = await CliProcess.RunAsync(["search", "graph attention", "--store", store], environment: new Dictionary<string, string> { ["RAGPAPERS_Store__Sqlite__InMemoryKeywordChunks"] = "0" });
        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Contains("Synthetic paper", search.StandardOutput, StringComparison.Ordinal);

        var second = await CliProcess.RunAsync(["ingest", collection, "--store", store]);

        Assert.True(second.ExitCode == 0, second.ToString());
        var counts = IngestCommandTests.Counts(second.StandardOutput);
        Assert.Equal(papersAfterKill, counts.Unchanged);
        Assert.Equal(PaperCount - papersAfterKill, counts.Added);
        Assert.Equal(PaperCount, Inspect(store).Papers);
    }

    internal static async Task<int> WaitForCommittedPapersAsync(string store, CliProcess process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(store))
            {
                try
                {
                    var papers = Inspect(store).Papers;
                    if (papers > 0)
                    {
                        return papers;
                    }
                }
                catch (SqliteException)
                {
                    // the schema is being created; look again
                }
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("no batch was committed. " + process.StandardError);
    }

    internal static (int Papers, int OrphanChunks, int PapersWithoutChunks) Inspect(string store)
    {
        using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        connection.Open();
        int Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (
            Scalar("SELECT COUNT(*) FROM papers"),
            Scalar("SELECT COUNT(*) FROM chunks WHERE paper_id NOT IN (SELECT id FROM papers)"),
            Scalar("SELECT COUNT(*) FROM papers WHERE id NOT IN (SELECT paper_id FROM chunks)"));
    }

    // The totals and per-term chunk counts kept on disk for keyword search at scale, and the same counted by FTS5 from the store's rows.
    private static string TermCountsOnDisk(string store) =>
        ReadAll(store, "SELECT chunks || ' ' || tokens FROM fts_totals UNION ALL SELECT * FROM (SELECT term || ' ' || chunks FROM fts_terms ORDER BY term)");

    private static string TermCountsOfFts5(string store) =>
        ReadAll(store, "SELECT (SELECT count(*) FROM chunks) || ' ' || (SELECT sum(cnt) FROM fts_row) UNION ALL SELECT * FROM (SELECT term || ' ' || doc FROM fts_row ORDER BY term)");

    private static string ReadAll(string store, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Fts5Reference.CreateSql + sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    internal static async Task WriteSyntheticCollectionAsync(string path, int count)
    {
        string[] words = ["graph", "attention", "diffusion", "protein", "robot", "speech", "vision", "policy", "reward", "token", "sparse", "kernel", "memory", "latent", "audio", "video", "retrieval", "agent", "planning", "molecule"];
        var random = new Random(7);
        await using var writer = new StreamWriter(path);
        for (var i = 0; i < count; i++)
        {
            var sentences = Enumerable.Range(0, 6).Select(_ => "We study " + string.Join(' ', Enumerable.Range(0, 14).Select(_ => words[random.Next(words.Length)])) + ".");
            var record = new Dictionary<string, string>
            {
                ["id"] = $"2301.{i:D5}",
                ["title"] = $"Synthetic paper {i} on {words[i % words.Length]}",
                ["abstract"] = string.Join(' ', sentences),
                ["authors"] = "A. Tester",
                ["update_date"] = "2023-01-15",
            };
            await writer.WriteLineAsync(JsonSerializer.Serialize(record));
        }
    }
}
