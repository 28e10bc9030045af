using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

public sealed class Int8DotTests
{
    [Theory]
    [InlineData(384)]
    [InlineData(1536)]
    [InlineData(7)] // below one block: the scalar tail alone
    [InlineData(45)] // a block and a tail
    public void Dot_AnyLength_EqualsTheDotOfTheWidenedValues(int dimensions)
    {
        var random = new Random(dimensions);
        var values = Enumerable.Range(0, dimensions).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var query = Enumerable.Range(0, dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var expected = values.Zip(query, (v, q) => (double)v * q).Sum();

        var sut = Int8Dot.Dot(values, query);

        Assert.Equal(expected, sut, Math.Max(1e-3, Math.Abs(expected) * 1e-5));
    }

    [Fact]
    public void Dot_DifferentLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => Int8Dot.Dot(new sbyte[4], new float[5]));
}
