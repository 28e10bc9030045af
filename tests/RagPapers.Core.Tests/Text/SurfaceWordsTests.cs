using RagPapers.Core.Tests.Storage.Sqlite;
using RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;
using RagPapers.Text;

namespace RagPapers.Core.Tests.Text;

/// <summary>
/// <see cref="SurfaceWords.Tokens"/> splits text at every character that is not a letter or digit, as
/// <see cref="char.IsLetterOrDigit(char)"/> says, whatever the script: the vocabulary and the spelling corrector both
/// rely on it.
/// </summary>
public sealed class SurfaceWordsTests
{
    [Fact]
    public void Tokens_VariedTexts_RunsOfLettersAndDigitsAsCharIsLetterOrDigitSays()
    {
        foreach (var text in VocabularyDeltaTests.Varied.Concat(UnicodeEdgeCases.Texts).Concat(UnicodeEdgeCases.Generated(21, 300)))
        {
            var tokens = new List<(WordToken Token, bool Ascii)>();
            var sut = SurfaceWords.Tokens(text);
            while (sut.MoveNext())
            {
                tokens.Add((sut.Current, sut.CurrentIsAscii));
            }

            Assert.Equal(PlainTokens(text), tokens);
        }
    }

    [Fact]
    public void Tokens_Foreach_GivesTheSameTokens()
    {
        var tokens = new List<WordToken>();
        foreach (var token in SurfaceWords.Tokens("GPT-4 naïve αβ"))
        {
            tokens.Add(token);
        }

        Assert.Equal([new(0, 3, true), new(4, 1, false), new(6, 5, true), new(12, 2, true)], tokens);
    }

    [Fact]
    public void TryLower_WordsAndNotWords_AsThePlainCounting()
    {
        Span<char> buffer = stackalloc char[SurfaceWords.MaxLength];
        foreach (var text in VocabularyDeltaTests.Varied)
        {
            var words = new List<string>();
            foreach (var token in SurfaceWords.Tokens(text))
            {
                if (SurfaceWords.TryLower(text, token, buffer, out var word))
                {
                    words.Add(word.ToString());
                }
            }

            Assert.Equal(PlainVocabularyCount.Words(text), words);
        }
    }

    private static List<(WordToken, bool)> PlainTokens(string text)
    {
        var tokens = new List<(WordToken, bool)>();
        for (var start = 0; start < text.Length;)
        {
            var end = start;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            if (end > start)
            {
                var run = text[start..end];
                tokens.Add((new WordToken(start, end - start, run.All(char.IsLetter)), run.All(char.IsAscii)));
                start = end;
            }
            else
            {
                start++;
            }
        }

        return tokens;
    }
}
