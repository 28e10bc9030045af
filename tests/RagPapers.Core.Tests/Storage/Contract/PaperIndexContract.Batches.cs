using RagPapers.Core.Tests.Fakes;

namespace RagPapers.Core.Tests.Storage.Contract;

/// <summary>
/// Reads of many papers at once must give what the one-paper reads give, only in fewer round trips; and whatever a
/// store keeps from one read for the next must give way to a write.
/// </summary>
public abstract partial class PaperIndexContract
{
    [ContractFact]
    public async Task GetChunksAsync_ManyPapers_SameChunksAsOneReadPerPaper()
    {
        await using var sut = await OpenAsync();
        var first = TestPapers.Document(TestPapers.Make("p1"), "one", "two", "three");
        await sut.UpsertAsync(
        [
            first with { Chunks = first.Chunks.Reverse().ToArray() },
            TestPapers.Document(TestPapers.Make("p2", title: "Other"), "four"),
            TestPapers.Document(TestPapers.Make("p3", title: "Third"), "five", "six"),
        ]);

        var batch = await sut.GetChunksAsync(["p3", "missing", "p1", "p3"]);

        Assert.Equal(["p1", "p3"], batch.Keys.Order(StringComparer.Ordinal));
        foreach (var (paperId, chunks) in batch)
        {
            var single = await sut.GetChunksAsync(paperId);
            Assert.Equal(single.Select(c => c.Chunk), chunks.Select(c => c.Chunk));
            Assert.Equal(single.Select(c => c.Vector.ToArray()), chunks.Select(c => c.Vector.ToArray()));
        }

        Assert.Equal(["one", "two", "three"], batch["p1"].Select(c => c.Chunk.Text));
    }

    [ContractFact]
    public async Task GetChunksAsync_NoIds_ReturnsEmpty()
    {
        await using var sut = await OpenAsync();
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1"))]);

        Assert.Empty(await sut.GetChunksAsync(Array.Empty<string>()));
    }

    [ContractFact]
    public async Task GetChunksAsync_PaperReplaced_BatchSeesNewChunks()
    {
        await using var sut = await OpenAsync();
        var paper = TestPapers.Make("p1", abstractText: "Old zeolite text. Second part.");
        await sut.UpsertAsync([TestPapers.Document(paper, "Old zeolite text.", "Second part.")]);
        Assert.Equal(2, (await sut.GetChunksAsync(["p1"]))["p1"].Count);

        await sut.UpsertAsync([TestPapers.Document(paper with { Abstract = "New perovskite text." })]);

        Assert.Equal(["New perovskite text."], (await sut.GetChunksAsync(["p1"]))["p1"].Select(c => c.Chunk.Text));
    }

    [ContractFact]
    public async Task GetChunksAsync_SourceDeletedAfterARead_PapersGone()
    {
        await using var sut = await OpenAsync();
        await sut.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("a1", source: "a.txt")),
            TestPapers.Document(TestPapers.Make("b1", source: "b.txt")),
        ]);
        Assert.Equal(2, (await sut.GetChunksAsync(["a1", "b1"])).Count);

        await sut.DeleteBySourceAsync("a.txt");

        Assert.Equal(["b1"], (await sut.GetChunksAsync(["a1", "b1"])).Keys);
        Assert.Empty(await sut.GetChunksAsync("a1"));
    }

    [ContractFact]
    public async Task GetChunksAsync_NonAsciiText_ReturnedAsWritten()
    {
        await using var sut = await OpenAsync();
        const string text = "Naïve α-helix folding — 蛋白质 🧬 at 37 °C.";
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1", abstractText: text), "Plain first chunk.", text)]);

        var chunks = (await sut.GetChunksAsync(["p1"]))["p1"];
        var hit = (await sut.VectorSearchAsync(HashingEmbeddingGenerator.Embed("A title. " + text), 1))[0];

        Assert.Equal(["Plain first chunk.", text], chunks.Select(c => c.Chunk.Text));
        Assert.Equal(text, hit.Text);
    }

    [ContractFact]
    public async Task GetPapersAsync_PaperRewrittenAfterARead_ReturnsTheNewVersion()
    {
        await using var sut = await OpenAsync();
        var paper = TestPapers.Make("p1", abstractText: "Old zeolite text.");
        await sut.UpsertAsync([TestPapers.Document(paper)]);
        Assert.Equal("Old zeolite text.", (await sut.GetPapersAsync(["p1"]))["p1"].Abstract);
        Assert.Equal("Old zeolite text.", (await sut.GetPaperAsync("p1"))!.Abstract);

        await sut.UpsertAsync([TestPapers.Document(paper with { Title = "New title", Abstract = "New perovskite text." })]);

        Assert.Equal("New perovskite text.", (await sut.GetPapersAsync(["p1"]))["p1"].Abstract);
        Assert.Equal("New title", (await sut.GetPaperAsync("p1"))!.Title);
    }

    [ContractFact]
    public async Task GetPapersAsync_SourceDeletedAfterARead_PapersGone()
    {
        await using var sut = await OpenAsync();
        await sut.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("a1", source: "a.txt")),
            TestPapers.Document(TestPapers.Make("b1", source: "b.txt")),
        ]);
        Assert.Equal(2, (await sut.GetPapersAsync(["a1", "b1"])).Count);
        Assert.NotNull(await sut.GetPaperAsync("a1"));

        await sut.DeleteBySourceAsync("a.txt");

        Assert.Equal(["b1"], (await sut.GetPapersAsync(["a1", "b1"])).Keys);
        Assert.Null(await sut.GetPaperAsync("a1"));
    }

    [ContractFact]
    public async Task GetPapersAsync_SomeReadBefore_SameAsReadingAllAtOnce()
    {
        await using var sut = await OpenAsync();
        await sut.UpsertAsync([.. new[] { "p1", "p2", "p3" }.Select(id => TestPapers.Document(TestPapers.Make(id, title: "Title " + id)))]);
        await sut.GetPapersAsync(["p2"]);
        await sut.GetPaperAsync("p3");

        var papers = await sut.GetPapersAsync(["p3", "p1", "missing", "p2", "p1"]);

        Assert.Equal(["p1", "p2", "p3"], papers.Keys.Order(StringComparer.Ordinal));
        Assert.All(papers, p => Assert.Equal("Title " + p.Key, p.Value.Title));
    }
}
