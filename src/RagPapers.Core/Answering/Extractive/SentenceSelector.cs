using RagPapers.Retrieval;

namespace RagPapers.Answering.Extractive;

/// <summary>
/// Picks the sentences an extractive answer quotes: the best sentence of each of the best few papers first
/// (diversity across papers), then a second sentence of a paper only when it is nearly as good; for a list of
/// papers, the best sentence of each.
/// </summary>
internal static class SentenceSelector
{
    /// <summary>Papers below this share of the best paper's relevance are not quoted.</summary>
    internal const double MinRelevanceShare = 0.5;

    /// <summary>An extra sentence must score at least this share of the first pick.</summary>
    internal const double ExtraSentenceShare = 0.5;

    internal const int MaxPapers = 3;
    internal const int MaxSentences = 4;
    internal const int MaxSentencesPerPaper = 2;

    /// <summary>Excerpts in the order they should be cited, best first; empty when no abstract has a sentence.</summary>
    public static IReadOnlyList<PaperExcerpt> Select(string question, IReadOnlyList<RetrievedPaper> papers)
    {
        var eligible = Eligible(papers);
        var scored = SentenceScorer.Score(question, eligible);
        var chosen = eligible
            .Select((paper, i) => (Paper: paper, Sentences: scored[i], Index: i))
            .Where(p => p.Sentences.Count > 0)
            .Select(p => (p.Paper, p.Sentences, p.Index, Best: Best(p.Sentences)))
            .OrderByDescending(p => p.Best.Score)
            .ThenBy(p => p.Index)
            .Take(MaxPapers)
            .ToArray();
        if (chosen.Length == 0)
        {
            return [];
        }

        var picks = chosen.Select(c => new List<ScoredSentence> { c.Best }).ToArray();
        AddExtraSentences(picks, chosen.Select(c => c.Sentences).ToArray(), chosen[0].Best.Score);
        return chosen
            .Select((c, i) => new PaperExcerpt(c.Paper, picks[i].OrderBy(s => s.Position).ToArray(), c.Best))
            .ToArray();
    }

    /// <summary>
    /// One excerpt per paper, in the order of <paramref name="papers"/>: its best sentence, for a list of papers. No
    /// paper is left out for being weaker than the best, as <see cref="Select"/> does: the list is the evidence.
    /// </summary>
    public static IReadOnlyList<PaperExcerpt> SelectEach(string question, IReadOnlyList<RetrievedPaper> papers)
    {
        var listed = papers
            .Where(p => !string.IsNullOrWhiteSpace(p.Paper.Abstract))
            .DistinctBy(p => p.Paper.Id, StringComparer.Ordinal)
            .ToArray();
        var scored = SentenceScorer.Score(question, listed);
        return listed
            .Select((paper, i) => (Paper: paper, Sentences: scored[i]))
            .Where(p => p.Sentences.Count > 0)
            .Select(p => BestExcerpt(p.Paper, p.Sentences))
            .ToArray();
    }

    private static PaperExcerpt BestExcerpt(RetrievedPaper paper, IReadOnlyList<ScoredSentence> sentences)
    {
        var best = Best(sentences);
        return new PaperExcerpt(paper, [best], best);
    }

    private static RetrievedPaper[] Eligible(IReadOnlyList<RetrievedPaper> papers)
    {
        var best = papers.Count == 0 ? 0 : papers.Max(p => p.Relevance);
        return papers
            .Where(p => p.Relevance >= best * MinRelevanceShare && !string.IsNullOrWhiteSpace(p.Paper.Abstract))
            .DistinctBy(p => p.Paper.Id, StringComparer.Ordinal)
            .ToArray();
    }

    // Highest score wins; the earlier sentence wins a tie so the choice is deterministic.
    private static ScoredSentence Best(IReadOnlyList<ScoredSentence> sentences) =>
        sentences.OrderByDescending(s => s.Score).ThenBy(s => s.Position).First();

    private static void AddExtraSentences(List<ScoredSentence>[] picks, IReadOnlyList<ScoredSentence>[] sentences, double firstScore)
    {
        var extras = sentences
            .SelectMany((all, paper) => all.Select(s => (Paper: paper, Sentence: s)))
            .Where(x => !picks[x.Paper].Contains(x.Sentence) && x.Sentence.Coverage > 0 && x.Sentence.Score >= firstScore * ExtraSentenceShare)
            .OrderByDescending(x => x.Sentence.Score)
            .ThenBy(x => x.Paper)
            .ThenBy(x => x.Sentence.Position);
        var total = picks.Sum(p => p.Count);
        foreach (var (paper, sentence) in extras)
        {
            if (total >= MaxSentences)
            {
                return;
            }

            if (picks[paper].Count < MaxSentencesPerPaper)
            {
                picks[paper].Add(sentence);
                total++;
            }
        }
    }
}
