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

        var block = KeywordPostingBlock.Encode(postings);

        var read = Read(block, postings[0].Chunk);

        Assert.Equal(postings, read);
    }

    [Fact]
    public void Encode_SmallCountsAndGaps_TakesFourBytesAPosting()
    {
        KeywordPosting[] postings = [new(10, 0, 1, 40), new(11, 1, 2, 90), new(13, 0, 5, 100)];

        Assert.Equal(12, KeywordPostingBlock.Encode(postings).Length);
    }

    // As the ranking reads a block (ChunkScores): posting by posting, each chunk the gap from the one before.
    private static List<KeywordPosting> Read(byte[] block, long firstChunk)
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
