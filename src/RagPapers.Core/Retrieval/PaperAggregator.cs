using RagPapers.Storage;

namespace RagPapers.Retrieval;

/// <summary>
/// Turns chunk hits into paper scores: score = s₁ + Σ_{j≥2} decay^(j−1) · s_j over the paper's chunk
/// scores sorted best first. The best chunk decides; further matching chunks add a bonus that shrinks
/// geometrically, so a paper matching in three places edges out one matching once, but a long paper
/// cannot win on volume alone.
/// </summary>
public static class PaperAggregator
{
    /// <summary>The second chunk adds a fifth of its score, the third a twenty-fifth, and so on.</summary>
    public const double DefaultDecay = 0.2;

    /// <summary>Papers best first (ties in order of first appearance); each hit's <see cref="ChunkHit.Score"/> is its chunk score.</summary>
    public static IReadOnlyList<PaperHits> Aggregate(IEnumerable<ChunkHit> hits, double decay = DefaultDecay)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentOutOfRangeException.ThrowIfNegative(decay);
        var capacity = hits.TryGetNonEnumeratedCount(out var count) ? count : 0;
        var byPaper = new Dictionary<string, List<ChunkHit>>(capacity, StringComparer.Ordinal);
        var order = new List<string>(capacity);
        foreach (var hit in hits)
        {
            if (!byPaper.TryGetValue(hit.PaperId, out var list))
            {
                byPaper[hit.PaperId] = list = [];
                order.Add(hit.PaperId);
            }

            if (!HasOrdinal(list, hit.Ordinal))
            {
                list.Add(hit);
            }
        }

        // Best first, ties in order of first appearance: a total order, so the sort need not be stable.
        PaperHits[] papers = [.. order.Select(id => Score(id, byPaper[id], decay))];
        int[] ranked = [.. Enumerable.Range(0, papers.Length)];
        Array.Sort(ranked, (a, b) =>
        {
            var byScore = papers[b].Score.CompareTo(papers[a].Score);
            return byScore != 0 ? byScore : a.CompareTo(b);
        });
        return [.. ranked.Select(i => papers[i])];
    }

    private static bool HasOrdinal(List<ChunkHit> hits, int ordinal)
    {
        foreach (var hit in hits)
        {
            if (hit.Ordinal == ordinal)
            {
                return true;
            }
        }

        return false;
    }

    private static PaperHits Score(string paperId, List<ChunkHit> hits, double decay)
    {
        // Best first, ties by ordinal (unique within a paper): again a total order.
        hits.Sort((a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : a.Ordinal.CompareTo(b.Ordinal);
        });
        Passage[] passages = [.. hits.Select(h => new Passage(h.Ordinal, h.Text, h.Score))];
        var score = 0.0;
        var factor = 1.0;
        foreach (var passage in passages)
        {
            score += factor * passage.Score;
            factor *= decay;
        }

        return new PaperHits(paperId, score, passages);
    }
}
