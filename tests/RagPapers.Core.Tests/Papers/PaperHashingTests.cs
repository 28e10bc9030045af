using RagPapers.Papers;

namespace RagPapers.Core.Tests.Papers;

public sealed class PaperHashingTests
{
    private static readonly Paper Sample = new("2401.00001", "A Title", "An abstract.", ["Ada Lovelace", "Alan Turing"], new DateOnly(2024, 1, 2), "a.jsonl", "2401.00001");

    [Fact]
    public void ContentHash_SamePaperFromAnotherFile_SameHash()
    {
        var sut = PaperHashing.ContentHash(Sample);

        Assert.Equal(sut, PaperHashing.ContentHash(Sample with { Source = "b.bib" }));
        Assert.Matches("^[0-9a-f]{64}$", sut);
    }

    [Fact]
    public void ContentHash_EachContentField_ChangesHash()
    {
        var variants = new[]
        {
            Sample with { Title = "A Title!" },
            Sample with { Abstract = "An abstract, revised." },
            Sample with { Authors = ["Ada Lovelace"] },
            Sample with { Authors = ["Ada Lovelace, Alan Turing"] },
            Sample with { Published = new DateOnly(2024, 1, 3) },
            Sample with { Published = null },
        };

        var hashes = variants.Select(PaperHashing.ContentHash).Append(PaperHashing.ContentHash(Sample));

        Assert.Equal(variants.Length + 1, hashes.Distinct().Count());
    }

    [Fact]
    public void ContentHash_TextMovedBetweenTitleAndAbstract_ChangesHash()
    {
        var moved = Sample with { Title = "A Title An", Abstract = "abstract." };

        Assert.NotEqual(PaperHashing.ContentHash(Sample), PaperHashing.ContentHash(moved));
    }
}
