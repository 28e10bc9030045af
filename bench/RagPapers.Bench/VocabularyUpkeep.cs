using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using RagPapers.Evaluation;
using RagPapers.Papers;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Bench;

/// <summary>
/// What keeping the vocabulary table costs an ingest: the same work the store's upsert adds (each batch's word deltas
/// counted and applied in a transaction), replayed alone on a scratch database with the vocabulary table only.
/// </summary>
internal static class VocabularyUpkeep
{
    public static async Task MeasureAsync(string corpus, int batchSize)
    {
        var papers = new List<Paper>();
        await foreach (var record in new BeirCorpusReader().ReadAsync(corpus))
        {
            if (record.Paper is { } paper)
            {
                papers.Add(paper);
            }
        }

        var path = Path.Combine(Path.GetTempPath(), $"ragpapers-upkeep-{Environment.ProcessId}.db");
        try
        {
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using (var create = connection.CreateCommand())
            {
                create.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " + VocabularyRows.CreateTableSql;
                await create.ExecuteNonQueryAsync();
            }

            var watch = Stopwatch.StartNew();
            foreach (var batch in papers.Chunk(batchSize))
            {
                using var transaction = connection.BeginTransaction();
                using var delta = new VocabularyDelta();
                foreach (var paper in batch)
                {
                    delta.Add(paper.Title, paper.Abstract);
                }

                await delta.ApplyAsync(connection, transaction, CancellationToken.None);
                transaction.Commit();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"vocabulary upkeep: {watch.Elapsed.TotalMilliseconds:0} ms for {papers.Count} papers in batches of {batchSize} ({watch.Elapsed.TotalMicroseconds / papers.Count:0} µs a paper)"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }
}
