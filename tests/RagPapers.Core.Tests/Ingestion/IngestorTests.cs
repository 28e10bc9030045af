using RagPapers.Core.Tests.Fakes;
using RagPapers.Embeddings;
using RagPapers.Ingestion;
using RagPapers.Papers;
using RagPapers.Storage;
using static RagPapers.Core.Tests.Ingestion.IngestFixtures;

namespace RagPapers.Core.Tests.Ingestion;

public sealed class IngestorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string StorePath => _temp.File("store.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task IngestAsync_NewPapers_AddsEachAndStoresTheirChunks()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var sut = CreateIngestor(index);

        var results = new List<IngestResult>();

        var summary = await sut.IngestAsync(TestPapers.Stream(Read(SamplePapers(3))), onResult: results.Add);

        Assert.Equal((3, 3, 0, 0, 0), (summary.Read, summary.Added, summary.Updated, summary.Unchanged, summary.Skipped));
        Assert.Equal(["p0", "p1", "p2"], results.Select(r => r.PaperId));
        Assert.All(results, r => Assert.Equal(IngestOutcome.Added, r.Outcome));
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
        Assert.Equal(chunks, TestStores.KeywordIndexChunks(StorePath));
    }

    [Fact]
    public async Task IngestAsync_BatchesWithUnchangedPapers_NeverWriteMoreThanABatchPerTransaction()
    {
        await using var index = new BatchRecordingIndex(await TestStores.OpenAsync(StorePath));
        var papers = SamplePapers(40);
        await CreateIngestor(index, batchSize: 8).IngestAsync(TestPapers.Stream(Read(papers.Where((_, i) => i % 8 == 0))));
        index.Batches.Clear();

        // Every batch of 8 records holds one stored paper: 7 pending after each, so batches join before a write.
        var summary = await CreateIngestor(index, batchSize: 8).IngestAsync(TestPapers.Stream(Read(papers)));

        Assert.Equal((35, 5), (summary.Added, summary.Unchanged));
        Assert.All(index.Batches, written => Assert.InRange(written, 1, 8));
        Assert.Equal(35, index.Batches.Sum());
        Assert.Equal(40, await index.CountPapersAsync());
    }

    [Fact]
    public async Task IngestAsync_ChangedAbstract_UpdatesAndDropsOldText()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var papers = SamplePapers(2);
        await CreateIngestor(index).IngestAsync(TestPapers.Stream(Read(papers)));
        papers[1] = papers[1] with { Abstract = "A rewritten abstract about perovskite." };

        var results = new List<IngestResult>();

        var summary = await CreateIngestor(index).IngestAsync(TestPapers.Stream(Read(papers)), onResult: results.Add);

        Assert.Equal([IngestOutcome.Unchanged, IngestOutcome.Updated], results.Select(r => r.Outcome));
        Assert.Equal("p1", Assert.Single(summary.UpdatedPapers).PaperId);
        Assert.Empty(await index.KeywordSearchAsync("topic1", 5));
        Assert.Equal("p1", Assert.Single(await index.KeywordSearchAsync("perovskite", 5)).PaperId);
        Assert.Equal(await index.CountChunksAsync(), TestStores.KeywordIndexChunks(StorePath));
    }

    [Fact]
    public async Task IngestAsync_OnlySourceChanged_Unchanged()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var papers = SamplePapers(1);
        await CreateIngestor(index).IngestAsync(TestPapers.Stream(Read(papers)));

        var results = new List<IngestResult>();

        await CreateIngestor(index).IngestAsync(TestPapers.Stream(Read([papers[0] with { Source = "moved.txt" }])), onResult: results.Add);

        Assert.Equal(IngestOutcome.Unchanged, Assert.Single(results).Outcome);
    }

    [Fact]
    public async Task IngestAsync_SameIdSameContentTwice_SecondIsUnchangedWithoutDiagnostic()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var paper = TestPapers.Make("dup", title: "One version");

        var summary = await CreateIngestor(index).IngestAsync(TestPapers.Stream(ReadResult.Read(paper, 1), ReadResult.Read(paper with { Source = "b.txt" }, 7)));

        Assert.Equal((2, 1, 1, 0), (summary.Read, summary.Added, summary.Unchanged, summary.Skipped));
        Assert.Empty(summary.Diagnostics);
    }

    [Fact]
    public async Task IngestAsync_SameIdOtherContent_FirstKeptSecondSkippedWithBothLinesNamed()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var first = TestPapers.Make("dup", title: "First version", source: "a.jsonl");
        var second = first with { Title = "Second version", Source = "b.jsonl" };

        var summary = await CreateIngestor(index).IngestAsync(TestPapers.Stream(ReadResult.Read(first, 3), ReadResult.Read(second, 9)));

        Assert.Equal((2, 1, 0, 1), (summary.Read, summary.Added, summary.Unchanged, summary.Skipped));
        var diagnostic = Assert.Single(summary.Diagnostics);
        Assert.Equal(("b.jsonl", 9), (diagnostic.File, diagnostic.Line));
        Assert.Contains("a.jsonl:3", diagnostic.Reason, StringComparison.Ordinal);
        Assert.Equal("First version", (await index.GetPaperAsync("dup"))!.Title);
    }

    // The bundled daily dumps list some papers before and after their date is known: the same text with and without a
    // date is one paper, kept as first read, and the later listing is a note rather than a skipped record.
    [Fact]
    public async Task IngestAsync_SameTextOtherDateOrAuthors_UnchangedWithANoteNamingBothLines()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var first = TestPapers.Make("dup", title: "One paper", published: null, source: "a.txt");
        var dated = first with { Published = new DateOnly(2023, 9, 15), Authors = ["A. Author"], Source = "b.txt" };

        var summary = await CreateIngestor(index).IngestAsync(TestPapers.Stream(ReadResult.Read(first, 3), ReadResult.Read(dated, 9)));

        Assert.Equal((2, 1, 1, 0), (summary.Read, summary.Added, summary.Unchanged, summary.Skipped));
        Assert.Empty(summary.Diagnostics);
        var note = Assert.Single(summary.Notes);
        Assert.Equal(("b.txt", 9), (note.File, note.Line));
        Assert.Contains("a.txt:3", note.Reason, StringComparison.Ordinal);
        Assert.Null((await index.GetPaperAsync("dup"))!.Published);
    }

    [Fact]
    public async Task IngestAsync_ReadingFailsMidway_OneErrorLineAndTheStackOnlyAtDebug()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        using var logs = new LogCapture();
        var options = Microsoft.Extensions.Options.Options.Create(new RagPapers.Ingestion.IngestionOptions());
        var sut = new Ingestor(index, new HashingEmbeddingGenerator(), new Chunker(options), options, TimeProvider.System, new TypedLogger(logs.CreateLogger("ingest")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.IngestAsync(FailingAfterOne()));

        var error = Assert.Single(logs.Lines, m => m.StartsWith("Error", StringComparison.Ordinal));
        Assert.Contains("reader down", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal); // no stack trace at Error
        Assert.Contains(logs.Lines, m => m.StartsWith("Debug", StringComparison.Ordinal) && m.Contains(" at ", StringComparison.Ordinal));
    }

    private static async IAsyncEnumerable<ReadResult> FailingAfterOne()
    {
        yield return ReadResult.Read(SamplePapers(1)[0], 1);
        await Task.Yield();
        throw new InvalidOperationException("reader down");
    }

    private sealed class TypedLogger(Microsoft.Extensions.Logging.ILogger inner) : Microsoft.Extensions.Logging.ILogger<Ingestor>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }

    [Fact]
    public async Task IngestAsync_SkippedRecords_CountedWithTheirDiagnostics()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var records = new[] { ReadResult.Skip("a.txt", 7, "no title"), ReadResult.Read(SamplePapers(1)[0]), ReadResult.Skip("b.jsonl", 2, "bad JSON") };

        var results = new List<IngestResult>();

        var summary = await CreateIngestor(index).IngestAsync(TestPapers.Stream(records), onResult: results.Add);

        Assert.Equal((3, 1, 2), (summary.Read, summary.Added, summary.Skipped));
        Assert.Equal([new ReadDiagnostic("a.txt", 7, "no title"), new ReadDiagnostic("b.jsonl", 2, "bad JSON")], summary.Diagnostics);
        Assert.Equal(IngestOutcome.Skipped, results[0].Outcome);
        Assert.Null(results[0].PaperId);
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

    // The hashed local embedder costs microseconds a text: deferring it would only make every front-end show a semantic
    // index being built for a moment, so its vectors go in with the papers even where the store could take them later.
    [Fact]
    public async Task IngestAsync_LocalHashedEmbedder_StoresTheVectorsWithThePapers()
    {
        using var local = new LocalEmbeddingGenerator(Microsoft.Extensions.Options.Options.Create(new RagPapers.Embeddings.EmbeddingsOptions { Dimensions = 64 }));
        await using var index = await TestStores.OpenAsync(StorePath, local.Descriptor);
        var options = Microsoft.Extensions.Options.Options.Create(new RagPapers.Ingestion.IngestionOptions());
        var sut = new Ingestor(index, local, new Chunker(options), options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Ingestor>.Instance);

        await sut.IngestAsync(TestPapers.Stream(Read(SamplePapers(5))));

        Assert.Equal(new VectorProgress(5, 5), index.Progress);
        Assert.All(await index.GetChunksAsync("p3"), c => Assert.Equal(64, c.Vector.Length));
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
