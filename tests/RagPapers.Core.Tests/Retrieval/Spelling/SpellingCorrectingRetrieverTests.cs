using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPapers.Core.Tests.Answering;
using FakePapers = RagPapers.Core.Tests.Fakes.TestPapers;
using Stores = RagPapers.Core.Tests.Fakes.TestStores;
using RagPapers.Retrieval;
using RagPapers.Retrieval.Spelling;

namespace RagPapers.Core.Tests.Retrieval.Spelling;

/// <summary>The decorator on a real SQLite store of made-up papers, around a retriever that records what it was asked.</summary>
public sealed class SpellingCorrectingRetrieverTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly FakeRetriever _inner = new((request, _) => Task.FromResult(new RetrievalResult(request.Query, [], false)));
    private RagPapers.Storage.Sqlite.SqlitePaperIndex? _store;

    public async Task InitializeAsync()
    {
        _store = await Stores.OpenAsync(_temp.File("store.db"));
        await _store.UpsertAsync(
        [
            FakePapers.Document(FakePapers.Make("p1", "Speech recognition", "Contrastive learning of speech representations.")),
            FakePapers.Document(FakePapers.Make("p2", "Speech synthesis", "Learning to generate speech.")),
        ]);
    }

    public async Task DisposeAsync()
    {
        await _store!.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task RetrieveAsync_MisspeltQuery_SearchesTheCorrectionAndSaysSo()
    {
        var sut = Create(_store!);

        var result = await sut.RetrieveAsync(new RetrievalRequest("lerning speach", 5));

        Assert.Equal("learning speech", _inner.Requests.Single().Query);
        Assert.Equal(5, _inner.Requests.Single().TopK);
        Assert.Equal("lerning speach", result.Query);
        Assert.Equal("learning speech", result.SearchedFor);
    }

    [Fact]
    public async Task RetrieveAsync_QueryOfCollectionWords_PassesTheRequestUntouched()
    {
        var sut = Create(_store!);
        var request = new RetrievalRequest("learning speech");

        var result = await sut.RetrieveAsync(request);

        Assert.Same(request, _inner.Requests.Single());
        Assert.Null(result.SearchedFor);
    }

    [Fact]
    public async Task RetrieveAsync_CorrectionTurnedOff_SearchesAsTyped()
    {
        var sut = Create(_store!);

        var result = await sut.RetrieveAsync(new RetrievalRequest("lerning speach", CorrectSpelling: false));

        Assert.Equal("lerning speach", _inner.Requests.Single().Query);
        Assert.Null(result.SearchedFor);
    }

    [Fact]
    public async Task RetrieveAsync_StoreWithoutVocabulary_SearchesAsTyped()
    {
        // The in-memory fake offers no ICollectionVocabulary, as the Qdrant store does not.
        await using var index = new FakePaperIndex([FakePapers.Document(FakePapers.Make("p1", "Speech recognition", "Learning speech."))]);
        var sut = Create(index);

        var result = await sut.RetrieveAsync(new RetrievalRequest("lerning speach"));

        Assert.Equal("lerning speach", _inner.Requests.Single().Query);
        Assert.Null(result.SearchedFor);
    }

    [Fact]
    public async Task RetrieveAsync_CorrectSpellingSettingOff_SearchesAsTyped()
    {
        var sut = Create(_store!, new RetrievalOptions { CorrectSpelling = false });

        var result = await sut.RetrieveAsync(new RetrievalRequest("lerning speach"));

        Assert.Equal("lerning speach", _inner.Requests.Single().Query);
        Assert.Null(result.SearchedFor);
    }

    private SpellingCorrectingRetriever Create(RagPapers.Storage.IPaperIndex index, RetrievalOptions? options = null) =>
        new(_inner, new QuerySpellingCorrector(index), Options.Create(options ?? new RetrievalOptions()), NullLogger<SpellingCorrectingRetriever>.Instance);
}
