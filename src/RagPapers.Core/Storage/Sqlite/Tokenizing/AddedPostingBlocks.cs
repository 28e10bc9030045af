namespace RagPapers.Storage.Sqlite;

/// <summary>
/// A write's keyword postings as stored blocks (<see cref="KeywordPostingBlock"/>), one per term, from the chunks counted
/// in .NET (<see cref="ChunkTermCounter"/>) and those FTS5 tokenized (<see cref="AddedPostings"/>) merged by chunk id,
/// in FTS5's term order: the blocks, and the rows they become, are the ones tokenizing every chunk in FTS5 made.
/// </summary>
internal static class AddedPostingBlocks
{
    /// <param name="counted">The .NET tokenizer's postings, in term order (<see cref="ChunkTermCounter.Postings"/>).</param>
    /// <param name="tokenizedByFts5">FTS5's, in any term order; usually none.</param>
    public static List<(string Term, long FirstChunk, byte[] Block)> Encode(
        IReadOnlyList<(string Term, ArraySegment<KeywordPosting> Postings)> counted, IReadOnlyList<(string Term, List<KeywordPosting> Postings)> tokenizedByFts5)
    {
        if (tokenizedByFts5.Count == 0)
        {
            return [.. counted.Select(c => (c.Term, c.Postings[0].Chunk, KeywordPostingBlock.Encode(c.Postings)))];
        }

        var byTerm = new Dictionary<string, IReadOnlyList<KeywordPosting>>(StringComparer.Ordinal);
        foreach (var (term, postings) in counted)
        {
            byTerm[term] = postings;
        }

        foreach (var (term, postings) in tokenizedByFts5)
        {
            byTerm[term] = byTerm.TryGetValue(term, out var mine) ? Merge(mine, postings) : postings;
        }

        var blocks = new List<(string, long, byte[])>(byTerm.Count);
        foreach (var (term, postings) in byTerm.OrderBy(p => p.Key, Utf8Order.Instance))
        {
            blocks.Add((term, postings[0].Chunk, KeywordPostingBlock.Encode([.. postings])));
        }

        return blocks;
    }

    /// <summary>Two lists ascending by chunk, with no chunk in both, as one.</summary>
    private static List<KeywordPosting> Merge(IReadOnlyList<KeywordPosting> a, List<KeywordPosting> b)
    {
        var merged = new List<KeywordPosting>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            merged.Add(j == b.Count || (i < a.Count && a[i].Chunk < b[j].Chunk) ? a[i++] : b[j++]);
        }

        return merged;
    }
}
