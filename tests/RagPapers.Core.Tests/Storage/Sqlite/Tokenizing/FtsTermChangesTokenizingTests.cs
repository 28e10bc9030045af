using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;

/// <summary>
/// The counter with the .NET tokenizer gives exactly what tokenizing every chunk through FTS5 gave (the reference,
/// <c>fts5Only</c>): the same term counts, tokens, chunks and keyword posting blocks, in the same order, for ASCII
/// chunks, for others, for the rare chunk FTS5 still tokenizes, all mixed, and for chunks without postings or counted out.
/// </summary>
public sealed class FtsTermChangesTokenizingTests
{
    private static readonly string[] SciFact = [.. TokenizerCorpora.SciFactTexts().Take(1200)];

    [Fact]
    public async Task CountOnOwnConnectionAsync_AsciiChunks_SameAsFts5()
    {
        var chunks = SciFact.Where(t => System.Text.Ascii.IsValid(t)).Chunk(2).Select((p, i) => (p[0], p[^1], (long?)(1000 + i))).ToArray();

        await AssertSameAsFts5Async(chunks, []);
    }

    [Fact]
    public async Task CountOnOwnConnectionAsync_MixedWithNonAsciiChunks_SameAsFts5()
    {
        var chunks = SciFact.Chunk(2).Select((p, i) => (p[0], p[^1], (long?)(7 + (3 * i)))).ToList();
        chunks.Add(("Naïve café ﬁlms", "Schrödinger’s β-cells – about 5 µm; ２０２４ Ünïcödé résumé", 100_000));
        chunks.Add(("Plain title", "αβγ δ ε \u0301x x\u0301 \uD83D\uDE00 emoji", 100_001));
        chunks.Add(("Cut inside a character", "a\u0820\u0820ing", 100_002)); // porter drops half of U+0820: FTS5 counts this one
        chunks.AddRange(UnicodeEdgeCases.Texts.Select((t, i) => (t, t, (long?)(200_000 + i))));
        Assert.Contains(chunks, c => !System.Text.Ascii.IsValid(c.Item2));

        await AssertSameAsFts5Async([.. chunks], []);
    }

    [Fact]
    public async Task CountOnOwnConnectionAsync_ChunksReplacedLaterInTheBatchAndChunksCountedOut_SameAsFts5()
    {
        // A chunk a later paper of the batch replaces gets no postings (null); removed chunks count −1.
        var chunks = SciFact.Take(400).Chunk(2).Select((p, i) => (p[0], p[^1], i % 3 == 0 ? null : (long?)(50 + i))).ToArray();
        var removed = SciFact.Skip(400).Take(200).Chunk(2).Select(p => (p[0], p[^1])).Append(("Zoë", "Ångström-scale")).ToArray();

        await AssertSameAsFts5Async(chunks, removed);
    }

    private static async Task AssertSameAsFts5Async((string Title, string Text, long? Chunk)[] added, (string Title, string Text)[] removed)
    {
        var expected = await CountAsync(new FtsTermChanges(fts5Only: true), added, removed);
        var sut = new FtsTermChanges();

        var actual = await CountAsync(sut, added, removed);

        Assert.Equal(expected.Chunks, actual.Chunks);
        Assert.Equal(expected.Tokens, actual.Tokens);
        Assert.Equal(Sorted(expected.Terms), Sorted(actual.Terms));
        Assert.Equal(expected.TermsJson(), actual.TermsJson());
        Assert.Equal(Rows(expected), Rows(actual));
        Assert.True(expected.Postings.Count > 0 || added.All(a => a.Chunk is null));
    }

    private static async Task<FtsTermChanges> CountAsync(FtsTermChanges changes, (string Title, string Text, long? Chunk)[] added, (string Title, string Text)[] removed)
    {
        foreach (var (title, text, chunk) in added)
        {
            changes.Add(title, text, chunk);
        }

        foreach (var (title, text) in removed)
        {
            changes.Remove(title, text);
        }

        await changes.CountOnOwnConnectionAsync(CancellationToken.None);
        return changes;
    }

    private static List<string> Sorted(Dictionary<string, long> terms) =>
        [.. terms.Where(t => t.Value != 0).Select(t => $"{t.Key} {t.Value}").Order(StringComparer.Ordinal)];

    private static List<string> Rows(FtsTermChanges changes) =>
        [.. changes.Postings.Select(p => $"{p.Term} {p.FirstChunk} {Convert.ToHexString(p.Block)}")];
}
