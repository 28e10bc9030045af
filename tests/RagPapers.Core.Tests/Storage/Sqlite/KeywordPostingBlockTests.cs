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

        var read = new List<KeywordPosting>();
        var reader = new KeywordPostingBlock.Reader(block, postings[0].Chunk);
        while (reader.TryRead(out var posting))
        {
            read.Add(posting);
        }

        Assert.Equal(postings, read);
    }

    [Fact]
    public void Encode_SmallCountsAndGaps_TakesFourBytesAPosting()
    {
        KeywordPosting[] postings = [new(10, 0, 1, 40), new(11, 1, 2, 90), new(13, 0, 5, 100)];

        Assert.Equal(12, KeywordPostingBlock.Encode(postings).Length);
    }
}
