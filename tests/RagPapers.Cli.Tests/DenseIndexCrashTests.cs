using System.Globalization;
using System.Numerics.Tensors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Cli.Tests;

/// <summary>
/// kill -9 of an ingest that writes vectors into a store above its approximate-index threshold (so HNSW files are
/// built beside it as it goes): the store opened afterwards answers dense searches with real chunks scored exactly,
/// ranked as a brute-force scan ranks them.
/// </summary>
public sealed class DenseIndexCrashTests
{
    private const int PaperCount = 4000;
    private const int Threshold = 200;

    [Fact]
    public async Task Ingest_KilledAfterAnApproximateIndexWasSaved_SearchAfterwardsMatchesTheExactScan()
    {
        using var folder = new TempFolder();
        var collection = folder.File("synthetic.jsonl");
        var store = folder.File("store.db");
        await KillAndResumeTests.WriteSyntheticCollectionAsync(collection, PaperCount);
        var environment = new Dictionary<string, string>
        {
            [CliProcess.EmbedderVariable] = "Local",
            ["RAGPAPERS_Ingestion__BatchSize"] = "25",
            ["RAGPAPERS_Store__ApproximateIndexMinVectors"] = Threshold.ToString(CultureInfo.InvariantCulture),
        };

        using (var ingest = CliProcess.Start(["ingest", collection, "--store", store], environment))
        {
            await WaitForAsync(() => File.Exists(store + ".usearch.json"), ingest);
            var papersAtSave = KillAndResumeTests.Inspect(store).Papers;
            await WaitForAsync(() => KillAndResumeTests.Inspect(store).Papers > papersAtSave, ingest); // the file is now stale
            ingest.Signal("KILL");
            await ingest.WaitAsync(TimeSpan.FromSeconds(30));
        }

        var (embedder, vectors) = ReadStored(store);
        Assert.InRange(vectors.Count, Threshold, PaperCount * 10);
        await using var sut = new SqlitePaperIndex(store, NullLogger<SqlitePaperIndex>.Instance, denseSearch: new DenseSearchSettings(Threshold));
        await sut.OpenAsync(embedder);
        var random = new Random(20);
        var found = 0;
        const int Queries = 30;
        for (var q = 0; q < Queries; q++)
        {
            var query = Perturbed(vectors.Values.ElementAt(random.Next(vectors.Count)), random);
            var exact = vectors.OrderByDescending(v => Cosine(v.Value, query)).ThenBy(v => v.Key).Take(10).Select(v => v.Key).ToHashSet();
            var hits = await sut.VectorSearchAsync(query, 10);

            Assert.Equal(10, hits.Count);
            Assert.All(hits, h => Assert.Equal(Cosine(vectors[(h.PaperId, h.Ordinal)], query), h.Score, 1e-5));
            Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Score), hits.Select(h => h.Score));
            found += hits.Count(h => exact.Contains((h.PaperId, h.Ordinal)));
        }

        Assert.InRange(found / (double)(Queries * 10), 0.97, 1.0);
        Assert.Equal(Queries, sut.DenseWork.ApproximateSearches); // the stale file plus the change log, not the fallback scan
    }

    private static async Task WaitForAsync(Func<bool> condition, CliProcess process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (condition())
                {
                    return;
                }
            }
            catch (SqliteException)
            {
                // the schema is being created; look again
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("the ingest did not get there in time. " + process.StandardError);
    }

    /// <summary>The store's embedder (so opening it keeps its vectors) and every stored vector by (paper, ordinal).</summary>
    private static (EmbedderDescriptor Embedder, Dictionary<(string, int), float[]> Vectors) ReadStored(string store)
    {
        using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var meta = connection.CreateCommand();
        meta.CommandText = "SELECT (SELECT value FROM meta WHERE key = 'embedder_id'), (SELECT value FROM meta WHERE key = 'dimensions')";
        using var row = meta.ExecuteReader();
        row.Read();
        var embedder = new EmbedderDescriptor(row.GetString(0), int.Parse(row.GetString(1), CultureInfo.InvariantCulture));
        var vectors = new Dictionary<(string, int), float[]>();
        using var chunks = connection.CreateCommand();
        chunks.CommandText = "SELECT c.paper_id, c.ordinal, c.vector FROM chunks c JOIN papers p ON p.id = c.paper_id WHERE c.vector IS NOT NULL";
        using var reader = chunks.ExecuteReader();
        while (reader.Read())
        {
            vectors[(reader.GetString(0), reader.GetInt32(1))] = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(reader.GetFieldValue<byte[]>(2)).ToArray();
        }

        return (embedder, vectors);
    }

    private static float[] Perturbed(float[] vector, Random random) =>
        [.. vector.Select(v => v + (float)((random.NextDouble() - 0.5) * 0.05))];

    private static float Cosine(float[] vector, float[] query) => TensorPrimitives.Dot(vector, query) / TensorPrimitives.Norm(query);
}
