using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>The vocabulary table follows every write: counts are papers holding a word, in title or abstract.</summary>
public sealed class SqliteVocabularyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task GetVocabularyAsync_NewStore_IsEmpty()
    {
        await using var sut = await TestStores.OpenAsync(_temp.File("store.db"));

        Assert.Equal(0, (await sut.GetVocabularyAsync()).Count);
    }

    [Fact]
    public async Task GetVocabularyAsync_AfterUpsert_CountsPapersPerLowerCasedLetterWord()
    {
        await using var sut = await TestStores.OpenAsync(_temp.File("store.db"));

        await sut.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("p1", "Speech Models", "Speech speech recognition with wav2vec 2.0 and GPT-4.")),
            TestPapers.Document(TestPapers.Make("p2", "Contrastive learning", "Learning speech representations.")),
        ]);

        var vocabulary = await sut.GetVocabularyAsync();
        Assert.Equal(2, vocabulary.PapersWith("speech")); // three times in p1 (title, twice in the abstract), once in p2
        Assert.Equal(1, vocabulary.PapersWith("learning")); // title and abstract of the same paper
        Assert.Equal(1, vocabulary.PapersWith("gpt"));
        Assert.False(vocabulary.Contains("wav2vec")); // digits: never looked up, not counted
        Assert.False(vocabulary.Contains("Speech"));
        Assert.False(vocabulary.Contains("a")); // one letter
    }

    [Fact]
    public async Task GetVocabularyAsync_PaperReplaced_CountsOnlyItsNewText()
    {
        await using var sut = await TestStores.OpenAsync(_temp.File("store.db"));
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1", "Zeolite catalysis", "Zeolite pores."))]);
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p2", "Perovskite cells", "Zeolite and perovskite."))]);

        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1", "Perovskite films", "Thin films."))]);

        var vocabulary = await sut.GetVocabularyAsync();
        Assert.Equal(1, vocabulary.PapersWith("zeolite"));
        Assert.Equal(2, vocabulary.PapersWith("perovskite"));
        Assert.Equal(1, vocabulary.PapersWith("films"));
        Assert.False(vocabulary.Contains("catalysis"));
        Assert.False(vocabulary.Contains("pores"));
    }

    [Fact]
    public async Task GetVocabularyAsync_SourceDeleted_DropsWordsNoPaperHolds()
    {
        await using var sut = await TestStores.OpenAsync(_temp.File("store.db"));
        await sut.UpsertAsync(
        [
            TestPapers.Document(TestPapers.Make("p1", "Zeolite catalysis", "Zeolite pores.", source: "a.txt")),
            TestPapers.Document(TestPapers.Make("p2", "Zeolite membranes", "Membranes filter.", source: "b.txt")),
        ]);
        Assert.Equal(2, (await sut.GetVocabularyAsync()).PapersWith("zeolite"));

        await sut.DeleteBySourceAsync("a.txt");

        var vocabulary = await sut.GetVocabularyAsync();
        Assert.Equal(1, vocabulary.PapersWith("zeolite"));
        Assert.False(vocabulary.Contains("catalysis"));
        Assert.Equal(1, vocabulary.PapersWith("membranes"));
        Assert.Equal(0, TestStores.CountRows(_temp.File("store.db"), "vocabulary WHERE papers <= 0"));
    }

    [Fact]
    public async Task GetVocabularyAsync_NoWriteBetweenCalls_ReturnsTheSameInstance()
    {
        await using var sut = await TestStores.OpenAsync(_temp.File("store.db"));
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1", "Zeolite catalysis", "Zeolite pores."))]);

        var first = await sut.GetVocabularyAsync();
        var second = await sut.GetVocabularyAsync();
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p2", "Perovskite cells", "Thin films."))]);
        var afterWrite = await sut.GetVocabularyAsync();

        Assert.Same(first, second);
        Assert.NotSame(first, afterWrite);
        Assert.True(afterWrite.Contains("perovskite"));
    }

    [Fact]
    public async Task GetService_CollectionVocabulary_IsTheStoreItself()
    {
        await using var sut = await TestStores.OpenAsync(_temp.File("store.db"));

        Assert.Same(sut, sut.GetService<ICollectionVocabulary>());
    }
}
