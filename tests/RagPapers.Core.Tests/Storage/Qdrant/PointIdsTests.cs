using RagPapers.Storage.Qdrant;

namespace RagPapers.Core.Tests.Storage.Qdrant;

public sealed class PointIdsTests
{
    [Fact]
    public void NameBased_RfcExample_MatchesVersion5Uuid()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "ragpapers:paper:2405.01234")
        Assert.Equal("5c5ddd4a-5fcd-5e86-9101-1a753da96477", PointIds.Paper("2405.01234"));
        Assert.Equal("1ecbc690-9b56-57a8-a789-309db5e8d744", PointIds.Chunk("2405.01234", 3));
    }

    [Fact]
    public void Chunk_DifferentOrdinalsAndPapers_GiveDistinctIds()
    {
        var ids = new[] { PointIds.Paper("a"), PointIds.Chunk("a", 0), PointIds.Chunk("a", 1), PointIds.Chunk("b", 0), PointIds.Paper("b") };

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(PointIds.Chunk("a", 1), PointIds.Chunk("a", 1));
    }
}
