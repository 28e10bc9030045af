using RagPapers.Core.Tests.Fakes;
using RagPapers.Ingestion;
using RagPapers.Papers;
using static RagPapers.Core.Tests.Ingestion.IngestFixtures;

namespace RagPapers.Core.Tests.Ingestion;

/// <summary>What keeps a run's memory flat at any size: outcomes counted not kept, stored hashes and first listings looked up per batch.</summary>
public sealed class IngestorScaleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string StorePath => _temp.File("store.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task IngestAsync_MoreSkippedRecordsThanListed_CountsAllAndListsTheFirstInOrder()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var extra = 5;
        var records = Enumerable.Range(1, IngestSummary.MaxListed + extra).Select(line => ReadResult.Skip("bad.jsonl", line, "bad JSON")).ToArray();

        var summary = await CreateIngestor(index).IngestAsync(TestPapers.Stream(records));

        Assert.Equal((IngestSummary.MaxListed + extra, IngestSummary.MaxListed + extra), (summary.Read, summary.Skipped));
        Assert.Equal(IngestSummary.MaxListed, summary.Diagnostics.Count);
        Assert.Equal([1, 2, IngestSummary.MaxListed], new[] { summary.Diagnostics[0], summary.Diagnostics[1], summary.Diagnostics[^1] }.Select(d => d.Line));
    }

    [Fact]
    public async Task IngestAsync_SameIdOtherContentSeveralBatchesLater_SkippedNamingTheFirstLine()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var papers = SamplePapers(5);
        var records = papers.Select((p, i) => ReadResult.Read(p, i + 1))
            .Append(ReadResult.Read(papers[0] with { Title = "Another title", Source = "later.jsonl" }, 40))
            .ToArray();

        var summary = await CreateIngestor(index, batchSize: 2).IngestAsync(TestPapers.Stream(records));

        Assert.Equal((6, 5, 0, 1), (summary.Read, summary.Added, summary.Unchanged, summary.Skipped));
        var diagnostic = Assert.Single(summary.Diagnostics);
        Assert.Equal(("later.jsonl", 40), (diagnostic.File, diagnostic.Line));
        Assert.Contains($"{papers[0].Source}:1", diagnostic.Reason, StringComparison.Ordinal);
        Assert.Equal("Title 0", (await index.GetPaperAsync("p0"))!.Title);
    }

    [Fact]
    public async Task IngestAsync_RerunInOtherBatches_UnchangedFoundByStoredHashAndOnlyTheChangedOneWritten()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var papers = SamplePapers(7);
        await CreateIngestor(index, batchSize: 2).IngestAsync(TestPapers.Stream(Read(papers)));
        papers[5] = papers[5] with { Abstract = "A rewritten abstract about perovskite." };
        var results = new List<IngestResult>();

        var summary = await CreateIngestor(index, batchSize: 3).IngestAsync(TestPapers.Stream(Read(papers)), onResult: results.Add);

        Assert.Equal((7, 0, 1, 6), (summary.Read, summary.Added, summary.Updated, summary.Unchanged));
        Assert.Equal("p5", Assert.Single(results, r => r.Outcome == IngestOutcome.Updated).PaperId);
        Assert.Equal("p5", Assert.Single(await index.KeywordSearchAsync("perovskite", 5)).PaperId);
        Assert.Equal(7, await index.CountPapersAsync());
    }

    [Fact]
    public async Task IngestAsync_ReaderDiesAfterTwoBatches_RerunKeepsThemAndAddsTheRest()
    {
        await using var index = await TestStores.OpenAsync(StorePath);
        var papers = SamplePapers(7);

        await Assert.ThrowsAsync<IOException>(() => CreateIngestor(index, batchSize: 2).IngestAsync(DyingAfter(papers, 5)));
        Assert.Equal(4, await index.CountPapersAsync()); // two whole batches; the fifth paper's batch never committed

        var summary = await CreateIngestor(index, batchSize: 2).IngestAsync(TestPapers.Stream(Read(papers)));

        Assert.Equal((7, 3, 4, 0), (summary.Read, summary.Added, summary.Unchanged, summary.Skipped));
        Assert.Equal(7, await index.CountPapersAsync());
        Assert.Equal(await index.CountChunksAsync(), TestStores.KeywordIndexChunks(StorePath));
    }

    private static async IAsyncEnumerable<ReadResult> DyingAfter(Paper[] papers, int count)
    {
        foreach (var paper in papers.Take(count))
        {
            await Task.Yield();
            yield return ReadResult.Read(paper);
        }

        throw new IOException("the disk went away");
    }
}
