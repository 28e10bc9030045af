using RagPapers.Retrieval.Spelling;

namespace RagPapers.Core.Tests.Retrieval.Spelling;

/// <summary>The corrector on the bundled collection's vocabulary, read from a real SQLite store.</summary>
[Collection(BundledCollectionGroup.Name)]
public sealed class QuerySpellingCorrectorTests(BundledCollection collection)
{
    private QuerySpellingCorrector Sut => collection.Get<QuerySpellingCorrector>();

    [Theory]
    [InlineData("contrastive lerning for speach represntations", "contrastive learning for speech representations")]
    [InlineData("Speach recognition", "Speech recognition")] // a capital stays a capital
    [InlineData("self-supervized learning", "self-supervised learning")] // hyphens and spacing kept
    [InlineData("masked autoencoders for medicl imaging?", "masked autoencoders for medical imaging?")]
    public async Task CorrectAsync_MisspeltWords_AreCorrectedToCollectionWords(string query, string expected)
    {
        var correction = await Sut.CorrectAsync(query);

        Assert.True(correction.Changed);
        Assert.Equal(expected, correction.Text);
    }

    [Fact]
    public async Task CorrectAsync_IssueExample_ListsEachCorrection()
    {
        var correction = await Sut.CorrectAsync("contrastive lerning for speach represntations");

        Assert.Equal(
            [new WordCorrection("lerning", "learning"), new WordCorrection("speach", "speech"), new WordCorrection("represntations", "representations")],
            correction.Corrections);
    }

    [Theory]
    [InlineData("BERT")]
    [InlineData("wav2vec 2.0")]
    [InlineData("\"lerning rate\"")]
    [InlineData("2023")]
    [InlineData("GPT-4 and ViT-B/16")]
    [InlineData("How do masked autoencoders help medical imaging with small datasets?")]
    [InlineData("What is the best recipe for sourdough bread?")] // English words the collection lacks: not typos
    [InlineData("How do I knit a scarf with a cable pattern?")]
    [InlineData("black holes and Hawking radiation")] // a name
    [InlineData("speech recognition for unlabelled audios")] // an inflection of a collection word, a British spelling
    public async Task CorrectAsync_NothingToCorrect_ReturnsTheSameString(string query)
    {
        var correction = await Sut.CorrectAsync(query);

        Assert.False(correction.Changed, correction.Text);
        Assert.Same(query, correction.Text);
    }

    [Fact]
    public async Task CorrectAsync_EveryTitleOfTheCollection_IsLeftUnchanged()
    {
        // Every word of a title is in the vocabulary (titles are counted), so not one title may change.
        var titles = await collection.Get<RagPapers.Storage.IPaperIndex>().ListPapersAsync().Select(p => p.Title).ToListAsync();

        foreach (var title in titles)
        {
            var correction = await Sut.CorrectAsync(title);
            Assert.False(correction.Changed, $"'{title}' became '{correction.Text}'");
            Assert.Same(title, correction.Text);
        }
    }
}
