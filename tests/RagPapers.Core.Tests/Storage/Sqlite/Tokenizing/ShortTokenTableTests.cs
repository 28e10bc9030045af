using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;

/// <summary>
/// Short tokens are looked up packed (<see cref="ShortTokenTable"/>): a token packs only when every character fits a
/// byte and there are at most sixteen, two tokens are one key only when they are the same token, and the numbering
/// through the table is the numbering through strings.
/// </summary>
public sealed class ShortTokenTableTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("sixteencharsxxxx", true)]
    [InlineData("seventeencharsxxx", false)]
    [InlineData("naïveté", true)] // ï and é are below U+0100
    [InlineData("ÿ", true)]
    [InlineData("αβγ", false)]
    [InlineData("ā", false)] // U+0101
    [InlineData("", false)]
    public void TryPack_PacksOnlySixteenOrFewerCharactersBelowU0100(string token, bool packs)
    {
        Assert.Equal(packs, ShortTokenTable.TryPack(token, out _, out _));
    }

    [Fact]
    public void TryGet_ThousandsOfTokensThroughSeveralGrowths_FindsEachWithItsValueAndNoOther()
    {
        // Prefixes of one another, the same bytes at other lengths (a trailing NUL packs as nothing), both words' halves.
        var tokens = Enumerable.Range(0, 20_000).Select(i => Token(i)).Concat(["a", "aa", "aaa", "ab", "ab\0", "abcdefgh", "abcdefghi", "abcdefgh\0"])
            .Distinct(StringComparer.Ordinal).ToList();
        var sut = new ShortTokenTable();
        for (var i = 0; i < tokens.Count; i++)
        {
            Assert.True(ShortTokenTable.TryPack(tokens[i], out var low, out var high));
            Assert.False(sut.TryGet(low, high, tokens[i].Length, out _));
            sut.Add(low, high, tokens[i].Length, i);
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            ShortTokenTable.TryPack(tokens[i], out var low, out var high);
            Assert.True(sut.TryGet(low, high, tokens[i].Length, out var value));
            Assert.Equal(i, value);
        }

        foreach (var absent in new[] { "zzzzzzzzzzzzzzzz", "ABC", "B", "abcdefghij" })
        {
            ShortTokenTable.TryPack(absent, out var low, out var high);
            Assert.False(sut.TryGet(low, high, absent.Length, out _));
        }

        Assert.Equal(tokens.Count, sut.Count);
        sut.Clear();
        ShortTokenTable.TryPack("aa", out var aaLow, out var aaHigh);
        Assert.False(sut.TryGet(aaLow, aaHigh, 2, out _));
    }

    [Fact]
    public void Number_ShortLongAndNonLatinFoldedTokens_TheTermsTheTokenizerGives()
    {
        var sut = new TermNumbering();
        var tokens = new[] { "models", "model", "modelling", "naive", "αβγ", "electroencephalographically", "models", "αβγ", "electroencephalographically" };

        var numbers = tokens.Select(t => sut.Number(t)).ToArray();

        Assert.Equal(numbers[0], numbers[1]); // porter: model
        Assert.Equal(numbers[0], numbers[6]);
        Assert.Equal(numbers[4], numbers[7]);
        Assert.Equal(numbers[5], numbers[8]);
        Assert.Equal("model", sut.Term(numbers[0]));
        Assert.Equal(tokens.Select(t => FtsTokenizer.Terms(t)![0]), numbers.Select(sut.Term));
    }

    // Base-26 words of one to five letters, with every tenth a Latin-1 letter in the middle.
    private static string Token(int i)
    {
        var chars = new List<char>();
        for (var n = i; ; n = (n / 26) - 1)
        {
            chars.Add((char)('a' + (n % 26)));
            if (n < 26)
            {
                break;
            }
        }

        if (i % 10 == 0)
        {
            chars.Insert(chars.Count / 2, 'é');
        }

        return new string([.. chars]);
    }
}
