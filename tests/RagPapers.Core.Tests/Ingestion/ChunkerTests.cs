using Microsoft.Extensions.Options;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Ingestion;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Ingestion;

public sealed class ChunkerTests
{
    // Four sentences of 40 characters each, separated by one space.
    private const string S1 = "Alpha sentence talks about first things.";
    private const string S2 = "Bravo sentence talks about other things.";
    private const string S3 = "Delta sentence talks about third things.";
    private const string S4 = "Gamma sentence talks about final things.";
    private const string Abstract = S1 + " " + S2 + " " + S3 + " " + S4;

    [Fact]
    public void Split_ShortAbstract_OneVerbatimChunk()
    {
        var sut = Create(maxChars: 700, overlap: 1);

        var chunks = sut.Split(TestPapers.Make("p1", abstractText: "  " + Abstract + "\n"));

        var chunk = Assert.Single(chunks);
        Assert.Equal(new Chunk("p1", 0, Abstract), chunk);
    }

    [Fact]
    public void Split_OverlapOne_WindowsRepeatTheLastSentence()
    {
        // 100 chars: S1+S2 = 40+1+40 = 81 fits, adding S3 = 122 does not; the next window restarts at S2.
        var sut = Create(maxChars: 100, overlap: 1);

        var chunks = sut.Split(TestPapers.Make("p1", abstractText: Abstract));

        Assert.Equal([S1 + " " + S2, S2 + " " + S3, S3 + " " + S4], chunks.Select(c => c.Text));
        Assert.Equal([0, 1, 2], chunks.Select(c => c.Ordinal));
        Assert.All(chunks, c => Assert.Equal("p1", c.PaperId));
    }

    [Fact]
    public void Split_NoOverlap_WindowsPartitionTheSentences()
    {
        var sut = Create(maxChars: 100, overlap: 0);

        var chunks = sut.Split(TestPapers.Make("p1", abstractText: Abstract));

        Assert.Equal([S1 + " " + S2, S3 + " " + S4], chunks.Select(c => c.Text));
    }

    [Fact]
    public void Split_OverlapTwo_NeverRestartsAtTheWindowsFirstSentence()
    {
        // 100 chars: windows S1 S2 | S2 S3 | S3 S4; going back two sentences would repeat a whole window.
        var sut = Create(maxChars: 100, overlap: 2);

        var chunks = sut.Split(TestPapers.Make("p1", abstractText: Abstract));

        Assert.Equal([S1 + " " + S2, S2 + " " + S3, S3 + " " + S4], chunks.Select(c => c.Text));
    }

    [Fact]
    public void Split_OverlapTooLongToFit_RepeatsFewerSentences()
    {
        // 21 + 21 + 21 chars, then 70: A B C = 65 fits; B C D = 114 does not, C D = 92 does, so the overlap shrinks to one.
        const string a = "Short one is here ok.", b = "Short two is here ok.", c = "Short six is here ok.", d = "A much longer closing sentence that carries most of the final content.";
        var sut = Create(maxChars: 100, overlap: 2);

        var chunks = sut.Split(TestPapers.Make("p1", abstractText: $"{a} {b} {c} {d}"));

        Assert.Equal([$"{a} {b} {c}", $"{c} {d}"], chunks.Select(ch => ch.Text));
    }

    [Fact]
    public void Split_OverLongSentence_CutBetweenWordsIntoChunksOfTheLimit()
    {
        // 14 + 30 × 8 - 1 + 1 = 254 characters: cut after the last space within 100, twice; no overlap, so the
        // chunks joined by the spaces they were cut at give the abstract back.
        var longSentence = "This sentence " + string.Join(' ', Enumerable.Repeat("goes on", 30)) + ".";
        var text = S1 + " " + longSentence + " " + S2;
        var sut = Create(maxChars: 100, overlap: 0);

        var chunks = sut.Split(TestPapers.Make("p1", abstractText: text));

        Assert.Equal(S1, chunks[0].Text);
        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, 100));
        Assert.Equal(text, string.Join(' ', chunks.Select(c => c.Text)));
    }

    [Fact]
    public void Split_IrregularSpacing_ChunksAreVerbatimSlicesOfTheAbstract()
    {
        var text = S1 + "   " + S2 + "\n" + S3 + "  " + S4;
        var sut = Create(maxChars: 100, overlap: 1);

        var chunks = sut.Split(TestPapers.Make("p1", abstractText: text));

        Assert.Equal(S1 + "   " + S2, chunks[0].Text);
        Assert.All(chunks, c => Assert.Contains(c.Text, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Split_BlankAbstract_NoChunks(string text)
    {
        Assert.Empty(Create(700, 1).Split(TestPapers.Make("p1", abstractText: text)));
    }

    [Fact]
    public void Split_OneSentenceLongerThanTheLimit_CutBetweenWordsNoChunkOverTheLimit()
    {
        // 300 words of 9 characters and a space, no sentence end: one 2,999-character sentence, limit 100.
        var sentence = string.Join(' ', Enumerable.Repeat("wordwordw", 300));
        var sut = Create(maxChars: 100, overlap: 1);

        var chunks = sut.Split(TestPapers.Make("p1", abstractText: sentence));

        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, 100));
        Assert.All(chunks, c => Assert.DoesNotContain("wordwordw" + "wordwordw", c.Text, StringComparison.Ordinal)); // cuts fall between words
        Assert.Equal(sentence, string.Join(' ', chunks.Select(c => c.Text)));
    }

    [Fact]
    public void Split_RunWithoutSpaces_CutBetweenCharactersNeverInsideASurrogatePair()
    {
        // 99 ASCII letters then emoji (2 UTF-16 units each): the 100-character limit falls inside the first emoji.
        var text = new string('a', 99) + string.Concat(Enumerable.Repeat("😀", 60));
        var sut = Create(maxChars: 100, overlap: 0);

        var chunks = sut.Split(TestPapers.Make("p1", abstractText: text));

        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, 100));
        Assert.All(chunks, c => Assert.False(char.IsLowSurrogate(c.Text[0]) || char.IsHighSurrogate(c.Text[^1])));
        Assert.Equal(text, string.Concat(chunks.Select(c => c.Text)));
    }

    private static Chunker Create(int maxChars, int overlap) =>
        new(Options.Create(new IngestionOptions { MaxChunkChars = maxChars, OverlapSentences = overlap }));
}
