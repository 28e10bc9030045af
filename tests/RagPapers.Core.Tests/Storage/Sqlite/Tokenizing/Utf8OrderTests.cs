using System.Text;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;

/// <summary>Terms are ordered as FTS5 orders them, by their UTF-8 bytes, also where UTF-16 order differs (surrogates against U+E000–FFFF).</summary>
public sealed class Utf8OrderTests
{
    [Fact]
    public void Compare_RandomStringsWithSurrogatesAndPrefixes_OrdersAsTheirUtf8Bytes()
    {
        var random = new Random(20261208);
        string[] pieces = ["a", "ab", "z", "é", "\uE000", "\uFFFD", "\uD83D\uDE00", "\uD800\uDC00", "0", "ß", "ﬁ"];
        var terms = Enumerable.Range(0, 2_000)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => pieces[random.Next(pieces.Length)])))
            .ToArray();

        var expected = terms.OrderBy(t => Encoding.UTF8.GetBytes(t), Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y))).ToArray();
        var actual = terms.OrderBy(t => t, Utf8Order.Instance).ToArray();

        Assert.Equal(expected, actual);
        Assert.NotEqual(expected, terms.Order(StringComparer.Ordinal).ToArray()); // the set holds pairs UTF-16 order gets wrong
    }
}
