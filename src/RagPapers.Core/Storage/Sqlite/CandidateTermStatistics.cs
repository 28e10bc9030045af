namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The statistics feedback needs for one query on a large store: the candidates' own terms, with the collection's
/// document frequencies and totals from <see cref="FtsTermRows"/>. Only the terms of the feedback chunks get a
/// frequency (<see cref="SetFrequencies"/>): those are the only ones feedback weighs.
/// </summary>
internal sealed class CandidateTermStatistics(long chunks, long tokens) : IKeywordStatistics
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<string> terms = [];
    private readonly Dictionary<long, FtsTermStatistics.ChunkTerms> candidates = [];
    private readonly Dictionary<int, long> frequencies = [];

    public int ChunkCount { get; } = (int)Math.Min(int.MaxValue, chunks);

    public double AverageLength { get; } = chunks == 0 ? 0 : (double)tokens / chunks;

    public int TermCount => terms.Count;

    public string Term(int id) => terms[id];

    public int DocumentFrequency(int termId) => (int)Math.Min(int.MaxValue, frequencies.GetValueOrDefault(termId));

    public bool TryGetChunk(long chunkId, out FtsTermStatistics.ChunkTerms terms) => candidates.TryGetValue(chunkId, out terms!);

    /// <summary>Adds a candidate from the stems of its title's and text's tokens (null for a token FTS5 drops).</summary>
    public void Add(long chunkId, IEnumerable<string?> titleStems, IEnumerable<string?> textStems)
    {
        var counts = new SortedDictionary<int, (int Title, int Text)>();
        var (titleLength, textLength) = (Count(titleStems, counts, title: true), Count(textStems, counts, title: false));
        candidates[chunkId] = new FtsTermStatistics.ChunkTerms(
            [.. counts.Keys], [.. counts.Values.Select(c => c.Title)], [.. counts.Values.Select(c => c.Text)], titleLength, textLength);
    }

    public void SetFrequencies(IReadOnlyList<int> termIds, IReadOnlyList<long> counts)
    {
        for (var i = 0; i < termIds.Count; i++)
        {
            frequencies[termIds[i]] = counts[i];
        }
    }

    private int Count(IEnumerable<string?> stems, SortedDictionary<int, (int Title, int Text)> counts, bool title)
    {
        var length = 0;
        foreach (var stem in stems)
        {
            if (stem is null)
            {
                continue;
            }

            if (!ids.TryGetValue(stem, out var id))
            {
                ids[stem] = id = terms.Count;
                terms.Add(stem);
            }

            var (t, x) = counts.GetValueOrDefault(id);
            counts[id] = title ? (t + 1, x) : (t, x + 1);
            length++;
        }

        return length;
    }
}
