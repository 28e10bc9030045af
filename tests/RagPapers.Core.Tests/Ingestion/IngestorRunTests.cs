using RagPapers.Core.Tests.Fakes;
using RagPapers.Ingestion;
using RagPapers.Papers;
using static RagPapers.Core.Tests.Ingestion.IngestFixtures;

namespace RagPapers.Core.Tests.Ingestion;

/// <summary>Batches, progress, time, failures and cancellation: what a long ingestion run relies on.</summary>
public sealed class IngestorRunTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string StorePath => _temp.File("store.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task IngestAsync_EmbedderFailsOnThirdBatch_KeepsCompleteBatchesAndNextRunFinishes()
    {
        await using var index = new InlineVectorsIndex(await TestStores.OpenAsync(StorePath)); // embeds during ingestion
        var papers = SamplePapers(7);
        var failingOnThird = new HashingEmbeddingGenerator((call, _) =>
        {
            if (call == 3)
            {
                throw new HttpRequestException("embedder down");
            }
        });

        var sut = CreateIngestor(index, failingOnThird, batchSize: 2);

        await Assert.ThrowsAsync<HttpRequestException>(() => sut.IngestAsync(TestPapers.Stream(Read(papers))));

        // Batches one and two (four papers) committed; the third never reached the store.
        Assert.Equal(4, await index.CountPapersAsync());
        Assert.Equal(4, await index.CountChunksAsync());
        var summary = await CreateIngestor(index, batchSize: 2).IngestAsync(TestPapers.Stream(Read(papers)));
        Assert.Equal((4, 3), (summary.Unchanged, summary.Added));
        Assert.Equal(7, await index.CountPapersAsync());
        Assert.Equal(7, TestStores.KeywordIndexChunks(StorePath));
    }

    [Fact]
    public async Task IngestAsync_BatchSizeTwo_ReportsProgressAfterEachFlush()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var reports = new List<IngestProgress>();
        var records = Read(SamplePapers(5)).Append(ReadResult.Skip("a.txt", 1, "empty")).ToArray();

        await CreateIngestor(index, batchSize: 2).IngestAsync(TestPapers.Stream(records), new SyncProgress(reports.Add));

        Assert.Equal([new(2, 2, 0, 0, 0, 0), new(4, 4, 0, 0, 0, 0), new(6, 5, 0, 0, 1, 0)], reports); // records not from files: no bytes
    }

    [Fact]
    public async Task IngestAsync_RecordsFromAFile_ProgressBytesGrowToTheFileSize()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var file = _temp.File("papers.jsonl");
        await File.WriteAllTextAsync(file, Papers.ReadProgressTests.JsonLines(3_000));
        var reports = new List<IngestProgress>();

        await CreateIngestor(index, batchSize: 500).IngestAsync(new CollectionReader(CollectionReader.DefaultReaders()).ReadAsync([file]), new SyncProgress(reports.Add));

        Assert.Equal(6, reports.Count);
        Assert.Equal(reports.Select(r => r.BytesRead).Order(), reports.Select(r => r.BytesRead));
        Assert.True(reports[0].BytesRead > 0 && reports[0].BytesRead < reports[^2].BytesRead, string.Join(", ", reports.Select(r => r.BytesRead)));
        Assert.Equal(new FileInfo(file).Length, reports[^1].BytesRead);
    }

    [Fact]
    public async Task IngestAsync_Run_ElapsedComesFromTheTimeProvider()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var sut = CreateIngestor(index, timeProvider: new SteppingTimeProvider(TimeSpan.FromSeconds(3)));

        var summary = await sut.IngestAsync(TestPapers.Stream(Read(SamplePapers(1))));

        Assert.Equal(TimeSpan.FromSeconds(3), summary.Elapsed);
    }

    [Fact]
    public async Task IngestAsync_CanceledBeforeStart_ThrowsAndWritesNothing()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateIngestor(index).IngestAsync(TestPapers.Stream(Read(SamplePapers(3))), cancellationToken: cts.Token));

        Assert.Equal(0, await index.CountPapersAsync());
    }

    [Fact]
    public async Task IngestAsync_CanceledDuringRun_KeepsCommittedBatches()
    {
        await using var index = new InlineVectorsIndex(await TestStores.OpenAsync(StorePath)); // embeds during ingestion
        using var cts = new CancellationTokenSource();
        var embedder = new HashingEmbeddingGenerator((call, _) =>
        {
            if (call == 2)
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CreateIngestor(index, embedder, batchSize: 2).IngestAsync(TestPapers.Stream(Read(SamplePapers(6))), cancellationToken: cts.Token));

        Assert.Equal(2, await index.CountPapersAsync());
    }
}
