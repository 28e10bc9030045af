using RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>
/// The vocabulary's word counts (<see cref="VocabularyDelta"/>: numbered words, an ASCII path that lower-cases as it
/// packs, numberings rented from batch to batch) are those of the counting written plainly (<see cref="PlainVocabularyCount"/>).
/// </summary>
public sealed class VocabularyDeltaTests
{
    private static readonly string ThirtyTwo = new('a', 32);

    /// <summary>ASCII, accents, Greek, CJK, digits, long runs, apostrophes, hyphens, empty texts, the length limits.</summary>
    public static IReadOnlyList<string> Varied { get; } =
    [
        "",
        " ",
        "Speech Models: Speech speech recognition with wav2vec 2.0 and GPT-4.",
        "a I an AN An aN x1 1x 123 a1b2 ABCdef ZZZ zzz @[`{ `a` [b] {c} @d@",
        "don't O'Brien O’Brien l'été rock'n'roll",
        "state-of-the-art two-stage co-operation T-cells",
        "Café CAFÉ café naïve NAÏVE résumé Ångström ÅNGSTRÖM Straße STRASSE ÿes Ÿes µm MICRO",
        "Σίσυφος ΣΊΣΥΦΟΣ ΟΔΟΣ οδος αβγ ΑΒΓ β-cells α7 κB",
        "中文文本 日本語のテキスト 한국어 ２０２４年 ＡＢＣ ｆｕｌｌｗｉｄｔｈ",
        "Kelvin \u212Aelvin \u212AELVIN İstanbul ISTANBUL ıi ǅungla ﬁlms",
        "sixteenletterswd sixteenLETTERSwd seventeenletterss SEVENTEENLETTERSS eightletters",
        "sixteenlétterswd seventeenlétterss çççççççççççççççç ççççççççççççççççç",
        ThirtyTwo + " " + ThirtyTwo.ToUpperInvariant() + " " + ThirtyTwo + "a " + ThirtyTwo + "1 " + new string('é', 32) + " " + new string('é', 33),
        string.Concat(Enumerable.Repeat("long", 50)) + " " + string.Concat(Enumerable.Repeat("ab", 17)),
        "𝐌𝐚𝐭𝐡 bold 😀 emoji lone \uD800 high \uDC00 low end \uD83D",
        "\u00A0non\u00A0breaking\u2009thin\u200Bzero e\u0301 \u0301e a\u0308b",
    ];

    [Fact]
    public void Changes_VariedTexts_SameAsPlainCounting()
    {
        var texts = Varied.Concat(UnicodeEdgeCases.Texts).Concat(UnicodeEdgeCases.Generated(20, 400)).ToList();
        var papers = texts.Select((t, i) => (Title: t, Abstract: texts[(i * 7) % texts.Count])).ToList();

        AssertSameAsPlain(papers.Select(p => (p.Title, p.Abstract, +1)));
    }

    [Fact]
    public void Changes_AddsAndRemovesOfOverlappingPapers_SameAsPlainCountingWithZerosLeftOut()
    {
        var texts = Varied.Concat(UnicodeEdgeCases.Texts).ToList();
        var writes = texts.Select((t, i) => (t, texts[(i + 3) % texts.Count], i % 3 == 0 ? -1 : +1))
            .Concat(texts.Take(10).Select(t => (t, "", -1)))
            .Concat(texts.Take(5).Select(t => (t, "", +1)));

        AssertSameAsPlain(writes);
    }

    [Fact]
    public void Changes_SciFactPapersInBatchesWithNumberingsKeptBetweenThem_SameAsPlainCountingPerBatch()
    {
        var papers = TokenizerCorpora.SciFactTexts().Chunk(2).Take(1500).Select(p => (Title: p[0], Abstract: p[^1])).ToList();

        // Several batches one after another: each rents the numbering the last one returned, its counts zeroed.
        foreach (var batch in papers.Chunk(300))
        {
            AssertSameAsPlain(batch.Select(p => (p.Title, p.Abstract, +1)));
        }
    }

    [Fact]
    public void Include_DeltaCountedElsewhere_SumsBothInOrderFirstMet()
    {
        var plain = new PlainVocabularyCount();
        using var sut = new VocabularyDelta();
        using var counted = new VocabularyDelta();
        foreach (var (title, @abstract) in Varied.Zip(UnicodeEdgeCases.Texts.Concat(Varied)))
        {
            counted.Add(title, @abstract);
        }

        // The writer counts out the replaced versions first, then includes what the thread pool counted in.
        foreach (var text in Varied.Take(6))
        {
            sut.Remove(text, "");
            plain.Count(text, "", -1);
        }

        foreach (var (title, @abstract) in Varied.Zip(UnicodeEdgeCases.Texts.Concat(Varied)))
        {
            plain.Count(title, @abstract, +1);
        }

        sut.Include(counted);

        Assert.Equal(plain.Changes(), sut.Changes());
        Assert.Empty(counted.Changes());
    }

    [Fact]
    public void Include_IntoEmptyDeltaThenMorePapers_TakesTheCountsOverAndLeavesCountedEmpty()
    {
        var plain = new PlainVocabularyCount();
        using var sut = new VocabularyDelta();
        using var counted = new VocabularyDelta();
        foreach (var text in Varied)
        {
            counted.Add(text, "");
            plain.Count(text, "", +1);
        }

        sut.Include(counted);
        // Papers counted after the include count each of their words once more, whatever the included ones held.
        foreach (var text in Varied.Take(8))
        {
            sut.Add(text, text);
            plain.Count(text, text, +1);
        }

        Assert.Equal(plain.Changes(), sut.Changes());
        Assert.Empty(counted.Changes());
    }

    [Fact]
    public void Changes_MoreWordsThanNumberingKeeps_NumberingStartsAfreshAndCountsStayRight()
    {
        var random = new Random(7);
        var many = Enumerable.Range(0, (WordNumbering.MaxWords / 1000) + 10)
            .Select(_ => string.Join(' ', Enumerable.Range(0, 1000).Select(_ => new string([.. Enumerable.Range(0, random.Next(6, 12)).Select(_ => (char)('a' + random.Next(26)))]))))
            .ToList();
        using (var filling = new VocabularyDelta())
        {
            foreach (var text in many)
            {
                filling.Add(text, "");
            }
        }

        AssertSameAsPlain(Varied.Select(t => (t, "", +1)));
    }

    [Fact]
    public void Count_AfterDispose_Throws()
    {
        var sut = new VocabularyDelta();
        sut.Dispose();

        Assert.Throws<ObjectDisposedException>(() => sut.Add("title", "abstract"));
    }

    private static void AssertSameAsPlain(IEnumerable<(string Title, string Abstract, int Sign)> writes)
    {
        var plain = new PlainVocabularyCount();
        using var sut = new VocabularyDelta();
        foreach (var (title, @abstract, sign) in writes)
        {
            plain.Count(title, @abstract, sign);
            if (sign > 0)
            {
                sut.Add(title, @abstract);
            }
            else
            {
                sut.Remove(title, @abstract);
            }
        }

        Assert.Equal(plain.Changes(), sut.Changes());
    }
}
