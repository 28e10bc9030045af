using System.Text;
using RagPapers.Storage.Qdrant;

namespace RagPapers.Core.Tests.Storage.Qdrant;

public sealed class Bm25SparseEncoderTests
{
    [Theory]
    [InlineData("", 0u, 0x00000000u)]
    [InlineData("", 1u, 0x514e28b7u)]
    [InlineData("hello", 0u, 0x248bfa47u)]
    [InlineData("aaaa", 0x9747b28cu, 0x5a97808au)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x9747b28cu, 0x2fa826cdu)]
    public void Hash32_PublishedTestVectors_Match(string text, uint seed, uint expected)
    {
        Assert.Equal(expected, Murmur3.Hash32(Encoding.UTF8.GetBytes(text), seed));
    }

    [Theory]
    [InlineData("graph", 504851561u)]    // murmur3 0x1e176c69, positive as an i32
    [InlineData("zeolite", 1002379987u)] // murmur3 0xc440e52d = -1002379987 as an i32: Qdrant takes the absolute value
    public void TermId_Token_IsAbsoluteValueOfSignedMurmur3(string term, uint expected)
    {
        Assert.Equal(expected, Bm25SparseEncoder.TermId(term));
    }

    [Fact]
    public void Document_TitleAndText_WeighsTermsByBm25WithTitleCountedTwice()
    {
        var sut = new Bm25SparseEncoder(averageLength: 5);

        var vector = sut.Document("Zeolite", "zeolite pores zeolite");

        // Terms: title "zeolite" (x2), text "zeolite", "pore", "zeolite" → tf(zeolite) = 2 + 2 = 4, tf(pore) = 1, len = 2 + 3 = 5.
        // len = avgLen, so the norm is k1 = 1.2: zeolite 4·2.2/(4 + 1.2) = 1.6923, pore 1·2.2/(1 + 1.2) = 1.
        var weights = vector.Indices.Zip(vector.Values).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(2, weights.Count);
        Assert.Equal(1.6923, weights[Bm25SparseEncoder.TermId("zeolite")], 4);
        Assert.Equal(1.0, weights[Bm25SparseEncoder.TermId("pore")], 4);
        Assert.Equal(vector.Indices.Order(), vector.Indices);
    }

    [Fact]
    public void Document_LongerThanAverage_WeighsLess()
    {
        var sut = new Bm25SparseEncoder(averageLength: 4);

        var shortWeight = sut.Document("", "zeolite pore").Values[0];
        var longWeight = sut.Document("", "zeolite pore crystal lattice framework channel cage silica").Values[0];

        // len 2: 2.2 / (1 + 1.2·(0.25 + 0.75·2/4)) = 2.2/1.75 = 1.2571; len 8: 2.2 / (1 + 1.2·1.75) = 2.2/3.1 = 0.7097.
        Assert.Equal(1.2571, shortWeight, 4);
        Assert.Equal(0.7097, longWeight, 4);
    }

    [Fact]
    public void Query_RepeatedTermsAndStopWords_DistinctTermsWithWeightOne()
    {
        var vector = Bm25SparseEncoder.Query("What is the zeolite, the Zeolites and graphs?");

        Assert.Equal(new[] { Bm25SparseEncoder.TermId("graph"), Bm25SparseEncoder.TermId("zeolite") }.Order(), vector.Indices);
        Assert.All(vector.Values, v => Assert.Equal(1f, v));
        Assert.Empty(Bm25SparseEncoder.Query("what is the of").Indices);
    }
}
