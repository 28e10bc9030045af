using System.Text;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;

/// <summary>
/// The .NET tokenizer against the linked SQLite: every distinct word of SciFact and of the bundled papers, every
/// ASCII character, crafted edge cases of the porter rules and generated words stem and split exactly as FTS5's
/// 'porter unicode61' does.
/// </summary>
public sealed class FtsAsciiTokenizerTests : IDisposable
{
    private readonly Fts5Probe _fts5 = new();

    public void Dispose() => _fts5.Dispose();

    [Fact]
    public void Terms_EveryDistinctWordOfSciFactAndTheBundledPapers_StemsAsFts5()
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in TokenizerCorpora.SciFactTexts().Concat(TokenizerCorpora.BundledTexts()))
        {
            // The runs of ASCII letters and digits, as they stand (case kept): non-ASCII texts give theirs too.
            foreach (var word in AsciiRuns(text))
            {
                words.Add(word);
            }
        }

        Assert.True(words.Count > 30_000, $"only {words.Count} words read: are the corpora there?");
        AssertSameAsFts5([.. words]);
    }

    [Fact]
    public void Terms_SciFactAbstractsWhole_GiveFts5sTokenStream()
    {
        var texts = TokenizerCorpora.SciFactTexts().Where(FtsAsciiTokenizer.Handles).ToArray();

        Assert.True(texts.Length > 8_000, $"only {texts.Length} ASCII texts");
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
    [InlineData(FtsAsciiTokenizer.MaxTermLength)]
    [InlineData(FtsAsciiTokenizer.MaxTermLength + 1)]
    [InlineData(40_000)]
    public void Terms_LongWords_StemUpTo64BytesAndAreCutAt32768AsFts5(int length)
    {
        var word = string.Concat(string.Concat(Enumerable.Repeat("Ab", length)).AsSpan(0, length - 3), "ing");

        AssertSameAsFts5([word, "x " + word + " y"]);
    }

    [Theory]
    [InlineData("naïve")]
    [InlineData("β-cells")]
    [InlineData("range – wide")]
    [InlineData("\u00A0")]
    [InlineData("\uD83D\uDE00")]
    public void Handles_AnyNonAsciiCharacter_LeavesTheTextToFts5(string text)
    {
        Assert.False(FtsAsciiTokenizer.Handles(text));
        Assert.True(FtsAsciiTokenizer.Handles("plain ASCII, with 'quotes' and digits 42."));
    }

    private void AssertSameAsFts5(IReadOnlyList<string> texts)
    {
        var expected = _fts5.Terms(texts);
        var wrong = new StringBuilder();
        for (var i = 0; i < texts.Count && wrong.Length < 2000; i++)
        {
            var actual = FtsAsciiTokenizer.Terms(texts[i]);
            if (!actual.SequenceEqual(expected[i], StringComparer.Ordinal))
            {
                wrong.AppendLine($"'{Cut(texts[i])}': FTS5 [{Cut(string.Join(' ', expected[i]))}], .NET [{Cut(string.Join(' ', actual))}]");
            }
        }

        Assert.True(wrong.Length == 0, wrong.ToString());
    }

    private static string Cut(string text) => text.Length > 120 ? text[..120] + "…" : text;

    private static IEnumerable<string> AsciiRuns(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsAsciiLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
