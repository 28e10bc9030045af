using RagPapers.Retrieval.Spelling;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Retrieval.Spelling;

public sealed class KnownWordsTests
{
    private readonly KnownWords _sut = new(new CollectionVocabulary([KeyValuePair.Create("mosquito", 3), KeyValuePair.Create("coatomer", 1)]));

    [Theory]
    [InlineData("mosquito")] // in the collection, even in a single paper
    [InlineData("coatomer")]
    [InlineData("mosquitos")] // an inflection of a collection word: the stems meet
    [InlineData("bread")] // common English
    [InlineData("chess")]
    [InlineData("colouring")] // British spelling
    public void Contains_CollectionWordsTheirInflectionsAndEnglishWords_AreKnown(string word)
    {
        Assert.True(_sut.Contains(word));
    }

    [Theory]
    [InlineData("speach")]
    [InlineData("lerning")]
    [InlineData("represntations")]
    [InlineData("coatmer")]
    public void Contains_Misspellings_AreUnknown(string word)
    {
        Assert.False(_sut.Contains(word));
    }
}
