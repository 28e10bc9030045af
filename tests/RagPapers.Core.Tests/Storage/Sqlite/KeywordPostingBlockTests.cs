using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>A block of postings reads back exactly what was written, gaps and counts of any size included.</summary>
public sealed class KeywordPostingBlockTests
{
    [Fact]
    public void Encode_ThenRead_GivesThePostingsBackInOrder()
    {
        KeywordPosting[] postings =
        [
            new(1_000_000_007, 0, 1, 12),
            new(1_000_000_008, 3, 0, 127),
            new(1_000_000_300, 0, 200, 128),
            new(5_000_000_000, 1, 70_000, 1_000_000),
        ];

        var block = KeywordPostingBlock.Encode(postings);

        var read = Read(block, postings[0].Chunk);

        Assert.Equal(postings, read);
    }

    [Fact]
    public void Encode_ThenRead_ManyPostingsOfEveryWidth_GivesThemBack()
    {
        // Four- and five-byte postings are read a word at a time, wider ones byte by byte, and the last few always so:
        // a mix of all, in random order (fixed seed), must come back as written.
        var random = new Random(20261207);
        var postings = new List<KeywordPosting>();
        long chunk = 1;
        for (var i = 0; i < 5_000; i++)
        {
            chunk += random.Next(4) == 0 ? random.Next(128, 100_000) : random.Next(1, 128);
            var wide = random.Next(10) == 0;
            postings.Add(new(chunk, random.Next(wide ? 300 : 3), random.Next(wide ? 70_000 : 127), random.Next(wide ? 20_000 : 400)));
        }

        var block = KeywordPostingBlock.Encode([.. postings]);

        var read = Read(block, postings[0].Chunk);

        Assert.Equal(postings, read);
    }

    [Fact]
    public void Encode_SmallCountsAndGaps_TakesFourBytesAPosting()
    {
        KeywordPosting[] postings = [new(10, 0, 1, 40), new(11, 1, 2, 90), new(13, 0, 5, 100)];

        Assert.Equal(12, KeywordPostingBlock.Encode(postings).Length);
    }

    [Fact]
    public void AppendTo_BlocksInChunkOrder_GiveOneBlockOfAllTheirPostings()
    {
        KeywordPosting[] first = [new(10, 0, 1, 40), new(11, 1, 2, 90)];
        KeywordPosting[] second = [new(300, 0, 5, 100), new(70_000, 2, 0, 12)];
        KeywordPosting[] third = [new(70_001, 1, 1, 1)];
        var merged = new System.Buffers.ArrayBufferWriter<byte>();

        var last = KeywordPostingBlock.AppendTo(merged, null, 10, KeywordPostingBlock.Encode(first));
        last = KeywordPostingBlock.AppendTo(merged, last, 300, KeywordPostingBlock.Encode(second));
        last = KeywordPostingBlock.AppendTo(merged, last, 70_001, KeywordPostingBlock.Encode(third));

        Assert.Equal(70_001, last);
        Assert.Equal([.. first, .. second, .. third], Read(merged.WrittenSpan.ToArray(), 10));
        Assert.Equal(KeywordPostingBlock.Encode([.. first, .. second, .. third]), merged.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(11)] // starts at the last chunk of the block before
    [InlineData(5)] // starts before it
    public void AppendTo_BlockNotAfterTheLastChunk_Refuses(long start)
    {
        var merged = new System.Buffers.ArrayBufferWriter<byte>();
        var last = KeywordPostingBlock.AppendTo(merged, null, 10, KeywordPostingBlock.Encode([new(10, 0, 1, 40), new(11, 1, 2, 90)]));

        var refused = Assert.Throws<InvalidDataException>(() => KeywordPostingBlock.AppendTo(merged, last, start, KeywordPostingBlock.Encode([new(start, 0, 1, 4)])));

        Assert.Contains($"chunk {start}", refused.Message, StringComparison.Ordinal);
    }

    // As the ranking reads a block (ChunkScores): posting by posting, each chunk the gap from the one before.
    internal static List<KeywordPosting> Read(byte[] block, long firstChunk)
    {
        var read = new List<KeywordPosting>();
        var chunk = firstChunk;
        for (var at = 0; at < block.Length;)
        {
            var (gap, titleCount, textCount, length) = KeywordPostingBlock.NextPosting(block, ref at);
            chunk += gap;
            read.Add(new KeywordPosting(chunk, titleCount, textCount, length));
        }

        return read;
    }
}
