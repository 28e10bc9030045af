using System.Numerics.Tensors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>
/// Dense search on both sides of Store:ApproximateIndexMinVectors, against a brute-force float32 scan written here:
/// exact below it (same hits, same scores), HNSW above it (recall@10 of at least 0.97 on a fixed seed), and the
/// change log that keeps a stale HNSW file correct.
/// </summary>
public sealed class SqliteApproximateIndexTests : IDisposable
{
    private const int Dimensions = 64;
    private static readonly EmbedderDescriptor Embedder = new("test-clustered", Dimensions);
    private readonly TempFolder _temp = new();

    private string StorePath => _temp.File("dense.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task VectorSearchAsync_BelowThreshold_SameHitsAndScoresAsAFloatScan()
    {
        var vectors = Clustered(2_000, seed: 5);
        await using var sut = await CreateAsync(vectors, DenseSearchSettings.DefaultApproximateMinVectors);

        foreach (var query in Clustered(20, seed: 6))
        {
            var hits = await sut.VectorSearchAsync(query, 30);

            Assert.Equal(BruteForce(vectors, query, 30), hits.Select(h => (h.PaperId, h.Score)));
        }

        Assert.Equal(0, sut.DenseWork.ApproximateSearches);
    }

    [Fact]
    public async Task VectorSearchAsync_ApproximateIndexReopenedFromDisk_RecallAtTenAtLeast097()
    {
        var vectors = Clustered(4_000, seed: 7);
        await using (var writer = await CreateAsync(vectors, approximateMinVectors: 1))
        {
            await writer.BuildApproximateIndexAsync();
        }

        await using var sut = await OpenAsync(approximateMinVectors: 1);
        var queries = Clustered(100, seed: 8);
        var found = 0;
        foreach (var query in queries)
        {
            var exact = BruteForce(vectors, query, 10).Select(h => h.Id).ToHashSet();
            found += (await sut.VectorSearchAsync(query, 10)).Count(h => exact.Contains(h.PaperId));
        }

        Assert.InRange(found / 1000.0, 0.97, 1.0);
        Assert.Equal(queries.Count, sut.DenseWork.ApproximateSearches);
        Assert.Equal(0, sut.DenseWork.FullScans);
    }

    [Fact]
    public async Task VectorSearchAsync_PapersAddedAndDeletedAfterTheIndexWasSaved_FoundAndGoneWithoutARebuild()
    {
        var vectors = Clustered(500, seed: 9);
        await using (var writer = await CreateAsync(vectors, approximateMinVectors: 1))
        {
            await writer.BuildApproximateIndexAsync();
        }

        var state = File.ReadAllText(StorePath + ".usearch.json");
        await using var sut = await OpenAsync(approximateMinVectors: 1);
        var late = Clustered(1, seed: 10)[0];
        await sut.UpsertAsync([Document("late", late, "late.txt")]);
        await sut.DeleteBySourceAsync("p0.txt");

        var hits = await sut.VectorSearchAsync(late, 5);
        var deletedHits = await sut.VectorSearchAsync(vectors[0], 5);

        Assert.Equal(("late", 1f), (hits[0].PaperId, (float)Math.Round(hits[0].Score, 5)));
        Assert.DoesNotContain(deletedHits, h => h.PaperId == "p0");
        Assert.Equal(state, File.ReadAllText(StorePath + ".usearch.json")); // two changes: the file was not rebuilt
        Assert.Equal(2, sut.DenseWork.ApproximateSearches);
    }

    [Fact]
    public async Task OpenAsync_LargeStoreWithIndex_ReadsNoVectorBytes()
    {
        await using (var writer = await CreateAsync(Clustered(1_000, seed: 11), approximateMinVectors: 1))
        {
            await writer.BuildApproximateIndexAsync();
        }

        await using var sut = await OpenAsync(approximateMinVectors: 1);

        Assert.Equal(0, sut.DenseWork.VectorBytesRead);
    }

    [Fact]
    public async Task VectorSearchAsync_AboveThresholdWhileAWriteHoldsTheStore_AnswersWithoutWaitingForIt()
    {
        var vectors = Clustered(300, seed: 12);
        await using (var writer = await CreateAsync(vectors, approximateMinVectors: 1))
        {
            await writer.BuildApproximateIndexAsync();
        }

        await using var sut = await OpenAsync(approximateMinVectors: 1);

        // Searched once first, so the search below does not open the HNSW file and JIT its path while the write's
        // 5 s busy timeout runs: on a loaded machine that took long enough for the write to give up (a flake).
        await sut.VectorSearchAsync(vectors[0], 5);
        await using var otherProcess = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        await otherProcess.OpenAsync();
        await ExecuteAsync(otherProcess, "BEGIN IMMEDIATE"); // the write below waits for SQLite's write lock, holding the store's

        var write = Task.Run(() => sut.UpsertAsync([Document("late", vectors[1], "late.txt")]));
        await UntilTheStoreIsHeldAsync(sut, write);
        var hits = await sut.VectorSearchAsync(vectors[0], 5);
        var writeStillWaiting = !write.IsCompleted;
        await ExecuteAsync(otherProcess, "COMMIT");
        await write;

        Assert.True(writeStillWaiting);
        Assert.Equal("p0", hits[0].PaperId);
    }

    private async Task<SqlitePaperIndex> CreateAsync(List<float[]> vectors, int approximateMinVectors)
    {
        var index = await OpenAsync(approximateMinVectors);
        foreach (var batch in vectors.Select((v, i) => Document($"p{i}", v, $"p{i % 50}.txt")).Chunk(250))
        {
            await index.UpsertAsync(batch);
        }

        return index;
    }

    private async Task<SqlitePaperIndex> OpenAsync(int approximateMinVectors)
    {
        var index = new SqlitePaperIndex(StorePath, NullLogger<SqlitePaperIndex>.Instance, denseSearch: new DenseSearchSettings(approximateMinVectors));
        await index.OpenAsync(Embedder);
        return index;
    }

    // The store's lock is held when a read that needs it cannot get it in 50 ms. Bounded by time, not attempts: the
    // write runs on the thread pool, which a loaded test run can starve for longer than any fixed number of quick
    // reads take (a CI run saw 600 reads finish before the write had started).
    private static async Task UntilTheStoreIsHeldAsync(SqlitePaperIndex sut, Task write)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
        {
            if (write.IsCompleted)
            {
                await write; // a write that failed says why
                Assert.Fail("The write finished before the test saw it hold the store's lock.");
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
            try
            {
                await sut.CountPapersAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await Task.Delay(1);
        }

        Assert.Fail("The write did not take the store's lock within 30 s.");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static PaperDocument Document(string id, float[] vector, string source) =>
        new(TestPapers.Make(id, $"Paper {id}", $"Abstract of {id}.") with { Source = source }, id, [new IndexedChunk(new Chunk(id, 0, $"Abstract of {id}."), vector)]);

    /// <summary>The top <paramref name="top"/> (paper, cosine) pairs, scored as the store scores them; ties to the earlier paper.</summary>
    private static List<(string Id, double Score)> BruteForce(List<float[]> vectors, float[] query, int top) =>
        [.. vectors.Select((v, i) => (Id: $"p{i}", Index: i, Score: TensorPrimitives.Dot(v, query) / TensorPrimitives.Norm(query)))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Index).Take(top).Select(h => (h.Id, (double)h.Score))];

    /// <summary>Unit vectors around 40 random centres: topics, not uniform noise.</summary>
    private static List<float[]> Clustered(int count, int seed)
    {
        var centres = new Random(1);
        var topics = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, Dimensions).Select(_ => (float)(centres.NextDouble() - 0.5)).ToArray()).ToArray();
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var topic = topics[random.Next(topics.Length)];
            var vector = topic.Select(x => x + (float)((random.NextDouble() - 0.5) * 0.6)).ToArray();
            TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
            return vector;
        })];
    }
}
