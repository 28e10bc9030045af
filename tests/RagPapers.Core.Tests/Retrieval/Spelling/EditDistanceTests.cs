using RagPapers.Retrieval.Spelling;

namespace RagPapers.Core.Tests.Retrieval.Spelling;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("speech", "speech", 0)]
    [InlineData("speach", "speech", 1)] // a → e
    [InlineData("lerning", "learning", 1)] // a inserted
    [InlineData("represntations", "representations", 1)] // e inserted
    [InlineData("teh", "the", 1)] // e and h swapped: one edit, not two substitutions
    [InlineData("recieve", "receive", 1)] // i and e swapped
    [InlineData("transfomer", "transformers", 2)] // r and s inserted
    [InlineData("ca", "abc", 3)] // optimal string alignment does not edit the swapped pair again (true Damerau: 2)
    [InlineData("", "abc", 3)]
    public void Bounded_WithinTheBound_IsTheDistance(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Bounded(a, b, 3));
        Assert.Equal(expected, EditDistance.Bounded(b, a, 3));
    }

    [Theory]
    [InlineData("speech", "sandwich", 2)] // lengths alone rule it out
    [InlineData("contrastive", "generative", 2)] // rows exceed the bound midway
    [InlineData("kitten", "sitting", 2)] // 3 edits
    public void Bounded_BeyondTheBound_IsBoundPlusOne(string a, string b, int max)
    {
        Assert.Equal(max + 1, EditDistance.Bounded(a, b, max));
    }
}
