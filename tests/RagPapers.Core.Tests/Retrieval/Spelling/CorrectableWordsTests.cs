using RagPapers.Retrieval.Spelling;

namespace RagPapers.Core.Tests.Retrieval.Spelling;

public sealed class CorrectableWordsTests
{
    private static string[] Words(string query) => [.. CorrectableWords.Find(query).Select(t => query.Substring(t.Start, t.Length))];

    [Fact]
    public void Find_PlainQuery_ListsItsContentWordsOfFourLettersOrMore()
    {
        Assert.Equal(["contrastive", "lerning", "speach", "represntations"], Words("contrastive lerning for speach represntations"));
    }

    [Theory]
    [InlineData("BERT fine-tuning")] // all capitals
    [InlineData("ViT-B/16 and LoRA")] // capitals inside
    [InlineData("wav2vec 2.0")] // digits
    [InlineData("GPT-4 in 2023")]
    [InlineData("\"lerning rate\" schedules")] // quoted
    [InlineData("\u201Clerning rate\u201D schedules")] // curly quotes
    [InlineData("«lerning rate» schedules")]
    public void Find_NamesNumbersAndQuotedWords_AreLeftAlone(string query)
    {
        var words = Words(query);

        Assert.DoesNotContain(words, w => w.Any(char.IsDigit) || w.Skip(1).Any(char.IsUpper) || w == "lerning" || w == "rate");
    }

    [Fact]
    public void Find_StopWordsAndShortWords_AreLeftAlone()
    {
        // which, papers, use: stop words; GANs: capitals inside; on, for, the, web: under four letters.
        Assert.Equal(["speach"], Words("Which papers use GANs on speach for the web?"));
    }

    [Fact]
    public void Find_CapitalisedWordInsideASentence_IsLeftAloneAsAName()
    {
        Assert.Equal(["Speach", "radiation", "Speach"], Words("Speach on Hawking radiation. Speach by Deltex"));
    }

    [Fact]
    public void Find_UnclosedQuote_ProtectsTheRestOfTheQuery()
    {
        Assert.Equal(["speach"], Words("speach \"lerning rate"));
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(14, 2)]
    public void MaxEdits_ByLength_IsOneUpToFiveLettersThenTwo(int length, int expected)
    {
        Assert.Equal(expected, CorrectableWords.MaxEdits(length));
    }
}
