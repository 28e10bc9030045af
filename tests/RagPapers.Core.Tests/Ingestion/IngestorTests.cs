using RagPapers.Core.Tests.Fakes;
using RagPapers.Ingestion;
using RagPapers.Papers;
using RagPapers.Storage;
using static RagPapers.Core.Tests.Ingestion.IngestFixtures;

namespace RagPapers.Core.Tests.Ingestion;

public sealed class IngestorTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private string StorePath => temp.File("store.db");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task IngestAsync_NewPapers_AddsEachAndStoresTheirChunks()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var sut = CreateIngestor(index);

        var summary = await sut.IngestAsync(TestPapers.Stream(Read(SamplePapers(3))));

        Assert.Equal((3, 3, 0, 0, 0), (summary.Read, summary.Added, summary.Updated, summary.Unchanged, summary.Skipped));
        Assert.Equal(["p0", "p1", "p2"], summary.Results.Select(r => r.PaperId));
        Assert.All(summary.Results, r => Assert.Equal(IngestOutcome.Added, r.Outcome));
        Assert.Equal(3, await index.CountPapersAsync());
        Assert.Equal("p1", (await index.KeywordSearchAsync("topic1", 5))[0].PaperId);
    }

    [Fact]
    public async Task IngestAsync_SameRecordsAgain_AllUnchangedWithoutDuplicateRows()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var papers = SamplePapers(4);
        await CreateIngestor(index).IngestAsync(TestPapers.Stream(Read(papers)));
        var chunks = await index.CountChunksAsync();
        var embedder = new HashingEmbeddingGenerator();
        var sut = CreateIngestor(index, embedder);

        var summary = await sut.IngestAsync(TestPapers.Stream(Read(papers)));

        Assert.Equal((4, 0, 0, 4), (summary.Read, summary.Added, summary.Updated, summary.Unchanged));
        Assert.Equal(0, embedder.Calls);
        Assert.Equal(4, await index.CountPapersAsync());
        Assert.Equal(chunks, await index.CountChunksAsync());
        Assert.Equal(chunks, TestStores.CountRows(StorePath, "chunks_fts"));
    }

    [Fact]
    public async Task IngestAsync_ChangedAbstract_UpdatesAndDropsOldText()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var papers = SamplePapers(2);
        await CreateIngestor(index).IngestAsync(TestPapers.Stream(Read(papers)));
        papers[1] = papers[1] with { Abstract = "A rewritten abstract about perovskite." };

        var summary = await CreateIngestor(index).IngestAsync(TestPapers.Stream(Read(papers)));

        Assert.Equal([IngestOutcome.Unchanged, IngestOutcome.Updated], summary.Results.Select(r => r.Outcome));
        Assert.Empty(await index.KeywordSearchAsync("topic1", 5));
        Assert.Equal("p1", Assert.Single(await index.KeywordSearchAsync("perovskite", 5)).PaperId);
        Assert.Equal(await index.CountChunksAsync(), TestStores.CountRows(StorePath, "chunks_fts"));
    }

    [Fact]
    public async Task IngestAsync_OnlySourceChanged_Unchanged()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var papers = SamplePapers(1);
        await CreateIngestor(index).IngestAsync(TestPapers.Stream(Read(papers)));

        var summary = await CreateIngestor(index).IngestAsync(TestPapers.Stream(Read([papers[0] with { Source = "moved.txt" }])));

        Assert.Equal(IngestOutcome.Unchanged, Assert.Single(summary.Results).Outcome);
    }

    [Fact]
    public async Task IngestAsync_DuplicateIdInOneRun_FirstWinsAndSecondIsUnchanged()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var first = TestPapers.Make("dup", title: "First version");
        var second = first with { Title = "Second version" };

        var summary = await CreateIngestor(index).IngestAsync(TestPapers.Stream(ReadResult.Read(first), ReadResult.Read(second)));

        Assert.Equal((2, 1, 1), (summary.Read, summary.Added, summary.Unchanged));
        Assert.Equal("First version", (await index.GetPaperAsync("dup"))!.Title);
        Assert.Equal(1, await index.CountPapersAsync());
    }

    [Fact]
    public async Task IngestAsync_SkippedRecords_CountedWithTheirDiagnostics()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var records = new[] { ReadResult.Skip("a.txt", 7, "no title"), ReadResult.Read(SamplePapers(1)[0]), ReadResult.Skip("b.jsonl", 2, "bad JSON") };

        var summary = await CreateIngestor(index).IngestAsync(TestPapers.Stream(records));

        Assert.Equal((3, 1, 2), (summary.Read, summary.Added, summary.Skipped));
        Assert.Equal([new ReadDiagnostic("a.txt", 7, "no title"), new ReadDiagnostic("b.jsonl", 2, "bad JSON")], summary.Diagnostics);
        Assert.Equal(IngestOutcome.Skipped, summary.Results[0].Outcome);
        Assert.Null(summary.Results[0].PaperId);
    }

    [Fact]
    public async Task IngestAsync_StoreWithoutDeferredVectors_EmbedsAllChunksOfABatchInOneCallWithTitles()
    {
        await using var index = new InlineVectorsIndex(await TestStores.OpenAsync(StorePath));
        var inputs = new List<IReadOnlyList<string>>();
        var embedder = new HashingEmbeddingGenerator((_, texts) => inputs.Add(texts));

        await CreateIngestor(index, embedder).IngestAsync(TestPapers.Stream(Read(SamplePapers(5))));

        var texts = Assert.Single(inputs);
        Assert.Equal(5, texts.Count);
        Assert.Equal("Title 0. Abstract about topic0 and shared words.", texts[0]);
        Assert.All((await index.GetChunksAsync("p0")), c => Assert.Equal(HashingEmbeddingGenerator.Dimensions, c.Vector.Length));
    }

    [Fact]
    public async Task IngestAsync_StoreThatDefersVectors_WritesChunksWithoutEmbeddingAndSearchableByKeyword()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var embedder = new HashingEmbeddingGenerator();

        await CreateIngestor(index, embedder).IngestAsync(TestPapers.Stream(Read(SamplePapers(5))));

        Assert.Equal(0, embedder.Calls);
        Assert.Equal(new VectorProgress(0, 5), index.Progress);
        Assert.True((await index.GetChunksAsync("p3")).All(c => c.Vector.IsEmpty));
        Assert.Equal("p3", (await index.KeywordSearchAsync("topic3", 5))[0].PaperId);
    }
}
