using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Core.Tests.Ingestion;
using RagPapers.Embeddings;
using RagPapers.Indexing;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Indexing;

/// <summary>The semantic indexer over a real SQLite store: batches, resumption, failures, the background loop.</summary>
public sealed class SemanticIndexerTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private SqlitePaperIndex _index = null!;

    public async Task InitializeAsync()
    {
        _index = await TestStores.OpenAsync(_temp.File("store.db"));
        await IngestFixtures.CreateIngestor(_index).IngestAsync(TestPapers.Stream(IngestFixtures.Read(IngestFixtures.SamplePapers(7))));
    }

    public async Task DisposeAsync()
    {
        await _index.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task CompleteAsync_SevenChunksInBatchesOfThree_EmbedsThreeBatchesAndReportsCompletion()
    {
        var calls = new List<int>();
        var reports = new List<SemanticIndexStatus>();
        await using var sut = Create(new HashingEmbeddingGenerator((_, texts) => calls.Add(texts.Count)), batchSize: 3);

        await sut.CompleteAsync(new Progress(reports.Add));

        Assert.Equal([3, 3, 1], calls);
        Assert.Equal(new SemanticIndexStatus(Deferred: true, 7, 7), sut.Status);
        Assert.Equal(sut.Status, reports[^1]);
        Assert.Equal("semantic index 7/7", sut.Status.Counts);
    }

    [Fact]
    public async Task CompleteAsync_CancelledDuringTheSecondBatch_KeepsTheFirstAndTheNextRunEmbedsOnlyTheRest()
    {
        using var cancel = new CancellationTokenSource();
        await using (var first = Create(new HashingEmbeddingGenerator((call, _) =>
        {
            if (call == 2)
            {
                cancel.Cancel();
                cancel.Token.ThrowIfCancellationRequested();
            }
        }), batchSize: 3))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.CompleteAsync(cancellationToken: cancel.Token));
        }

        var resumed = new List<int>();
        await using var sut = Create(new HashingEmbeddingGenerator((_, texts) => resumed.Add(texts.Count)), batchSize: 3);
        var afterCancel = sut.Status;
        await sut.CompleteAsync();

        Assert.Equal(3, afterCancel.Embedded);
        Assert.Equal([3, 1], resumed);
        Assert.True(sut.Status.IsComplete);
    }

    [Fact]
    public async Task CompleteAsync_EmbedderFails_ThrowsAndKeepsTheBatchesStored()
    {
        await using var sut = Create(new HashingEmbeddingGenerator((call, _) =>
        {
            if (call == 2)
            {
                throw new HttpRequestException("embeddings endpoint down");
            }
        }), batchSize: 3);

        await Assert.ThrowsAsync<HttpRequestException>(() => sut.CompleteAsync());

        Assert.Equal(new VectorProgress(3, 7), _index.Progress);
    }

    [Fact]
    public async Task StartBackground_ThenMorePapersIngested_FillsBothAndNotifyWakesIt()
    {
        await using var sut = Create(new HashingEmbeddingGenerator(), batchSize: 2);

        sut.StartBackground();
        await WaitUntilAsync(() => sut.Status.IsComplete);
        var more = IngestFixtures.SamplePapers(9).Skip(7);
        await IngestFixtures.CreateIngestor(_index).IngestAsync(TestPapers.Stream(IngestFixtures.Read(more)));
        var afterIngest = sut.Status;
        sut.Notify();
        await WaitUntilAsync(() => sut.Status.IsComplete);

        Assert.Equal(new SemanticIndexStatus(Deferred: true, 7, 9), afterIngest);
        Assert.Equal(new SemanticIndexStatus(Deferred: true, 9, 9), sut.Status);
    }

    [Fact]
    public async Task StartBackground_EmbedderFailsOnce_ShowsTheProblemAndRetriesAfterThirtySeconds()
    {
        var time = new FakeTimeProvider();
        await using var sut = Create(new HashingEmbeddingGenerator((call, _) =>
        {
            if (call == 1)
            {
                throw new HttpRequestException("embeddings endpoint down");
            }
        }), batchSize: 10, time);

        sut.StartBackground();
        await WaitUntilAsync(() => sut.Status.Problem is not null);
        var failed = sut.Status;
        await Task.Delay(100);
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        var before30 = sut.Status;

        // The retry's timer may start a moment after the problem shows: advance until it has fired.
        await WaitUntilAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return sut.Status.IsComplete;
        });

        Assert.Equal("embeddings endpoint down (retrying in 30 s)", failed.Problem);
        Assert.Equal(0, failed.Embedded);
        Assert.Equal(failed, before30);
        Assert.Null(sut.Status.Problem);
    }

    [Fact]
    public async Task ReembedAllAsync_CompleteStore_ComputesEveryVectorAgain()
    {
        var texts = 0;
        await using var sut = Create(new HashingEmbeddingGenerator((_, t) => texts += t.Count), batchSize: 4);
        await sut.CompleteAsync();

        await sut.ReembedAllAsync();

        Assert.Equal(14, texts);
        Assert.True(sut.Status.IsComplete);
    }

    [Fact]
    public async Task Status_StoreThatTakesVectorsDuringIngestion_IsCompleteAndCompleteAsyncDoesNothing()
    {
        var embedder = new HashingEmbeddingGenerator();
        await using var sut = new SemanticIndexer(new InlineVectorsIndex(_index), embedder, Options(4), TimeProvider.System, NullLogger<SemanticIndexer>.Instance);

        await sut.CompleteAsync();

        Assert.Same(SemanticIndexStatus.Inline, sut.Status);
        Assert.Equal(0, embedder.Calls);
    }

    private SemanticIndexer Create(HashingEmbeddingGenerator embedder, int batchSize, TimeProvider? time = null) =>
        new(_index, embedder, Options(batchSize), time ?? TimeProvider.System, NullLogger<SemanticIndexer>.Instance);

    private static IOptions<EmbeddingsOptions> Options(int batchSize) => Microsoft.Extensions.Options.Options.Create(new EmbeddingsOptions { BatchSize = batchSize });

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            await Task.Delay(10);
        }
    }

    private sealed class Progress(Action<SemanticIndexStatus> report) : IProgress<SemanticIndexStatus>
    {
        public void Report(SemanticIndexStatus value) => report(value);
    }
}
