namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Chunks tokenized by the .NET tokenizer (<see cref="FtsTokenizer"/>) and turned into the statistics FTS5's instance
/// vocabulary gives of them (<see cref="TermInstances"/>): feedback reads its candidates' terms without a scratch FTS5
/// table.
/// </summary>
internal sealed class TokenizedChunks
{
    private readonly Dictionary<long, (List<string> Title, List<string> Text)> _chunks;

    private TokenizedChunks(Dictionary<long, (List<string>, List<string>)> chunks) => _chunks = chunks;

    /// <summary>The chunks' terms, or null when some token's term cannot be promised exact (FTS5 then tokenizes them).</summary>
    /// <param name="numbering">Terms made for earlier questions' candidates, kept by the caller: most tokens recur.</param>
    public static TokenizedChunks? Of(IReadOnlyDictionary<long, (string Title, string Text)> rows, TermNumbering? numbering = null)
    {
        if (numbering is { Full: true })
        {
            numbering.Clear();
        }

        var chunks = new Dictionary<long, (List<string>, List<string>)>(rows.Count);
        foreach (var (id, (title, text)) in rows)
        {
            if (FtsTokenizer.Terms(title, numbering) is not { } titleTerms || FtsTokenizer.Terms(text, numbering) is not { } textTerms)
            {
                return null;
            }

            chunks[id] = (titleTerms, textTerms);
        }

        return new TokenizedChunks(chunks);
    }

    /// <summary>Each chunk's title and text lengths in tokens (FTS5's docsize).</summary>
    public Dictionary<long, (int Title, int Text)> Lengths() => _chunks.ToDictionary(c => c.Key, c => (c.Value.Title.Count, c.Value.Text.Count));

    /// <summary>The statistics of the chunks' tokens that <paramref name="keep"/> accepts (by chunk and term), in FTS5's order.</summary>
    public FtsTermStatistics Statistics(Func<long, string, bool> keep, long rows, IReadOnlyDictionary<long, (int Title, int Text)>? lengths = null)
    {
        var instances = new List<(string Term, long Chunk, bool InTitle)>();
        foreach (var (id, (title, text)) in _chunks)
        {
            instances.AddRange(title.Where(t => keep(id, t)).Select(t => (t, id, true)));
            instances.AddRange(text.Where(t => keep(id, t)).Select(t => (t, id, false)));
        }

        // The instance table's order: term (UTF-8 bytes), chunk, then column (the title first).
        instances.Sort((a, b) =>
        {
            var byTerm = Utf8Order.Instance.Compare(a.Term, b.Term);
            return byTerm != 0 ? byTerm : a.Chunk != b.Chunk ? a.Chunk.CompareTo(b.Chunk) : b.InTitle.CompareTo(a.InTitle);
        });
        var built = new TermInstances();
        foreach (var (term, chunk, inTitle) in instances)
        {
            built.Add(term, chunk, inTitle);
        }

        return built.Build(rows, lengths);
    }
}
