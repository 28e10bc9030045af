using RagPapers.Storage;

namespace RagPapers.Core.Tests.Storage;

public sealed class ChunkTests
{
    [Fact]
    public void EmbeddingText_PaperTitle_PrefixesTheTitle()
    {
        var sut = new Chunk("p1", 0, "Some text.");

        Assert.Equal("Sparse Graphs. Some text.", sut.EmbeddingText("Sparse Graphs"));
    }
}
