using RagPapers.Retrieval;
using RagPapers.Server.Caching;
using RagPapers.Storage;

namespace RagPapers.Server.Tests.Caching;

public sealed class CachingPaperRetrieverTests
{
    private readonly CountingRetriever _inner = new();
    private readonly StoreChanges _changes = new();

    [Fact]
    public async Task Retrieve_SameRequestTwice_SearchesOnceAndReturnsTheSameResult()
    {
        using var sut = new CachingPaperRetriever(_inner, _changes, capacity: 10);

        var first = await sut.RetrieveAsync(new RetrievalRequest("bert", 8));
        var second = await sut.RetrieveAsync(new RetrievalRequest("bert", 8));

        Assert.Equal(1, _inner.Retrievals);
        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("BERT", 8, null)]
    [InlineData("bert", 5, null)]
    [InlineData("bert", 8, "2024-01-01")]
    public async Task Retrieve_AnyPartOfTheRequestDiffers_SearchesAgain(string query, int top, string? from)
    {
        using var sut = new CachingPaperRetriever(_inner, _changes, capacity: 10);
        await sut.RetrieveAsync(new RetrievalRequest("bert", 8));

        await sut.RetrieveAsync(new RetrievalRequest(query, top, from is null ? null : new SearchFilter(DateOnly.Parse(from))));

        Assert.Equal(2, _inner.Retrievals);
    }

    [Theory]
    [InlineData(false, true)] // a list question ranks without MMR; a search of the same depth must not get its result
    [InlineData(true, false)] // searched as typed
    public async Task Retrieve_DiversifyOrSpellingDiffers_SearchesAgain(bool diversify, bool correctSpelling)
    {
        using var sut = new CachingPaperRetriever(_inner, _changes, capacity: 10);
        await sut.RetrieveAsync(new RetrievalRequest("bert", 30));

        await sut.RetrieveAsync(new RetrievalRequest("bert", 30, Diversify: diversify, CorrectSpelling: correctSpelling));

        Assert.Equal(2, _inner.Retrievals);
    }

    [Fact]
    public async Task Retrieve_RestrictionInAnotherOrder_IsTheSameRequest()
    {
        using var sut = new CachingPaperRetriever(_inner, _changes, capacity: 10);

        await sut.RetrieveAsync(new RetrievalRequest("bert", 8, RestrictTo: ["a", "b"]));
        await sut.RetrieveAsync(new RetrievalRequest("bert", 8, RestrictTo: ["b", "a"]));

        Assert.Equal(1, _inner.Retrievals);
    }

    [Fact]
    public async Task Retrieve_AfterAStoreWrite_SearchesAgain()
    {
        using var sut = new CachingPaperRetriever(_inner, _changes, capacity: 10);
        await sut.RetrieveAsync(new RetrievalRequest("bert", 8));
        await sut.SimilarAsync("p1", 5);

        _changes.Record();
        await sut.RetrieveAsync(new RetrievalRequest("bert", 8));
        await sut.SimilarAsync("p1", 5);

        Assert.Equal((2, 2), (_inner.Retrievals, _inner.Similar));
    }

    [Fact]
    public async Task Retrieve_ManyDistinctQueries_KeepsAtMostCapacity()
    {
        using var sut = new CachingPaperRetriever(_inner, _changes, capacity: 5);
        for (var i = 0; i < 50; i++)
        {
            await sut.RetrieveAsync(new RetrievalRequest("q" + i, 8));
        }

        // Compaction runs in the background after an overflow: give it a moment, then the newest query must still
        // be a hit while the cache holds no more than its capacity (most early queries are gone).
        await Task.Delay(200);
        var before = _inner.Retrievals;
        for (var i = 0; i < 50; i++)
        {
            await sut.RetrieveAsync(new RetrievalRequest("q" + i, 8));
        }

        Assert.True(_inner.Retrievals - before >= 45, $"{_inner.Retrievals - before} of 50 were searched again");
    }

    [Fact]
    public async Task RetrieveAndSimilar_WhileProvisional_AskTheRetrieverEveryTimeAndKeepNothingForLater()
    {
        var provisional = true;
        using var sut = new CachingPaperRetriever(_inner, _changes, capacity: 10, provisional: () => provisional);

        await sut.RetrieveAsync(new RetrievalRequest("bert", 8));
        await sut.RetrieveAsync(new RetrievalRequest("bert", 8));
        await sut.SimilarAsync("p1", 3);
        await sut.SimilarAsync("p1", 3);
        provisional = false;
        await sut.RetrieveAsync(new RetrievalRequest("bert", 8));
        await sut.RetrieveAsync(new RetrievalRequest("bert", 8));

        Assert.Equal(3, _inner.Retrievals);
        Assert.Equal(2, _inner.Similar);
    }
}
