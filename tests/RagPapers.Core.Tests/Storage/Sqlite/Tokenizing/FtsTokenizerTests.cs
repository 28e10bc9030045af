using System.Text;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;

/// <summary>
/// The .NET tokenizer against the linked SQLite: every distinct word of SciFact and of the bundled papers, their
/// texts whole, every ASCII character, crafted edge cases of the porter rules and of unicode61, and generated words and
/// texts stem and split exactly as FTS5's 'porter unicode61' does.
/// </summary>
public sealed class FtsTokenizerTests : IDisposable
{
    private readonly Fts5Probe _fts5 = new();

    public void Dispose() => _fts5.Dispose();

    [Fact]
    public void Terms_EveryDistinctWordOfSciFactAndTheBundledPapers_StemsAsFts5()
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in TokenizerCorpora.SciFactTexts().Concat(TokenizerCorpora.BundledTexts()))
        {
            // Each word as it stands between spaces, punctuation and case kept, non-ASCII ones too.
            words.UnionWith(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        Assert.True(words.Count > 40_000, $"only {words.Count} words read: are the corpora there?");
        Assert.Contains(words, w => !System.Text.Ascii.IsValid(w));
        AssertSameAsFts5([.. words]);
    }

    [Fact]
    public void Terms_SciFactAndBundledTextsWhole_GiveFts5sTokenStream()
    {
        var texts = TokenizerCorpora.SciFactTexts().Concat(TokenizerCorpora.BundledTexts()).ToArray();

        Assert.True(texts.Length > 10_000, $"only {texts.Length} texts");
        AssertSameAsFts5(texts);
    }

    [Fact]
    public void Terms_EveryAsciiCharacterBetweenLetters_SplitsOrJoinsAsFts5()
    {
        AssertSameAsFts5([.. Enumerable.Range(0, 128).Select(c => "Ab" + (char)c + "cD " + (char)c + "xy" + (char)c)]);
    }

    [Fact]
    public void Terms_CraftedEdgeCases_StemAsFts5()
    {
        AssertSameAsFts5(PorterEdgeCases.Words);
    }

    [Fact]
    public void Terms_GeneratedWordsWithEverySuffix_StemAsFts5()
    {
        AssertSameAsFts5(PorterEdgeCases.Generated(seed: 20, count: 40_000));
    }

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(FtsTerm.MaxBytes)]
    [InlineData(FtsTerm.MaxBytes + 1)]
    [InlineData(40_000)]
    public void Terms_LongWords_StemUpTo64BytesAndAreCutAt32768AsFts5(int length)
    {
        var word = string.Concat(string.Concat(Enumerable.Repeat("Ab", length)).AsSpan(0, length - 3), "ing");

        AssertSameAsFts5([word, "x " + word + " y"]);
    }

    [Fact]
    public void Terms_CraftedUnicodeTexts_SplitFoldAndStemAsFts5()
    {
        AssertSameAsFts5(UnicodeEdgeCases.Texts);
    }

    [Fact]
    public void Terms_GeneratedUnicodeTexts_SplitFoldAndStemAsFts5()
    {
        AssertSameAsFts5(UnicodeEdgeCases.Generated(seed: 61, count: 20_000));
    }

    private void AssertSameAsFts5(IReadOnlyList<string> texts)
    {
        var expected = _fts5.Terms(texts);
        var wrong = new StringBuilder();
        for (var i = 0; i < texts.Count && wrong.Length < 2000; i++)
        {
            // No terms promised: only where FTS5 itself indexed bytes that are not UTF-8 (read back as U+FFFD), which
            // the counter then leaves to FTS5.
            var actual = FtsTokenizer.Terms(texts[i]);
            if (actual is null ? !expected[i].Any(t => t.Contains('\uFFFD', StringComparison.Ordinal)) : !actual.SequenceEqual(expected[i], StringComparer.Ordinal))
            {
                actual ??= ["(no exact terms)"];
                wrong.AppendLine($"'{Cut(texts[i])}': FTS5 [{Cut(string.Join(' ', expected[i]))}], .NET [{Cut(string.Join(' ', actual))}]");
            }
        }

        Assert.True(wrong.Length == 0, wrong.ToString());
    }

    private static string Cut(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
