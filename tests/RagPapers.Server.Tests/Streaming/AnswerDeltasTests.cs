using RagPapers.Server.Streaming;

namespace RagPapers.Server.Tests.Streaming;

public sealed class AnswerDeltasTests
{
    [Fact]
    public void Split_ExtractiveAnswer_OnePiecePerCitedSentenceAndLine()
    {
        const string text = "HuBERT (2021) — It learns speech units. [1] It predicts masked frames. [1]\nWav2Vec — It uses contrast. [2]";

        var sut = AnswerDeltas.Split(text).ToArray();

        Assert.Equal(["HuBERT (2021) — It learns speech units. [1] ", "It predicts masked frames. [1]\n", "Wav2Vec — It uses contrast. [2]"], sut);
    }

    [Fact]
    public void Split_PlainSentences_CutsAfterSentenceEnds()
    {
        var sut = AnswerDeltas.Split("First. Second? Third! Fourth").ToArray();

        Assert.Equal(["First. ", "Second? ", "Third! ", "Fourth"], sut);
    }

    [Fact]
    public void Split_SentenceFollowedByCitation_KeepsTheCitationWithIt()
    {
        var sut = AnswerDeltas.Split("It works. [3] Next.").ToArray();

        Assert.Equal(["It works. [3] ", "Next."], sut);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no terminator at all")]
    [InlineData("a. b. [1] [2]\n\n c!  d?\t e")]
    [InlineData("]]] .. [[[ \n")]
    public void Split_AnyText_PiecesConcatenateToTheText(string text)
    {
        var sut = AnswerDeltas.Split(text).ToArray();

        Assert.Equal(text, string.Concat(sut));
        Assert.All(sut, piece => Assert.NotEmpty(piece));
    }

    [Fact]
    public void Split_RandomTexts_PiecesAlwaysConcatenateToTheText()
    {
        var random = new Random(7);
        const string alphabet = "ab .?![]1\n\t";
        for (var i = 0; i < 2_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            Assert.Equal(text, string.Concat(AnswerDeltas.Split(text)));
        }
    }
}
