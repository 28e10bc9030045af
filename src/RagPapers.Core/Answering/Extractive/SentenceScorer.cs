using System.Text.RegularExpressions;
using RagPapers.Retrieval;
using RagPapers.Text;

namespace RagPapers.Answering.Extractive;

/// <summary>
/// Scores every abstract sentence of the evidence against the question. Pure and deterministic.
/// </summary>
/// <remarks>
/// Why this shape: a sentence answers a question when it contains the question's distinctive words, so each
/// question term weighs its BM25-style idf over the evidence sentences (a term in every sentence tells nothing)
/// times a length factor (long terms are names and specifics, short ones are generic). Coverage is the share
/// of that weight a sentence holds. Small bonuses favour sentences the retriever already matched (the best two
/// passages) and contribution sentences ("we propose …"), which summarise a paper when the question is broad.
/// The paper's relevance relative to the best paper scales everything, so a weak paper needs a much better
/// sentence to be quoted.
/// </remarks>
internal static partial class SentenceScorer
{
    internal const double BestPassageBonus = 0.15;
    internal const double SecondPassageBonus = 0.08;
    internal const double ContributionBonus = 0.1;

    /// <summary>The scored sentences of each paper, in the order of <paramref name="papers"/> and of each abstract.</summary>
    public static IReadOnlyList<IReadOnlyList<ScoredSentence>> Score(string question, IReadOnlyList<RetrievedPaper> papers)
    {
        var sentences = papers.Select(p => Sentences(p.Paper.Abstract)).ToArray();
        var weights = TermWeights(question, sentences);
        var totalWeight = weights.Values.Sum();
        var bestRelevance = papers.Count == 0 ? 0 : papers.Max(p => p.Relevance);
        var scored = new IReadOnlyList<ScoredSentence>[papers.Count];
        for (var i = 0; i < papers.Count; i++)
        {
            var relevanceFactor = bestRelevance > 0 ? Math.Clamp(papers[i].Relevance / bestRelevance, 0, 1) : 1;
            scored[i] = sentences[i]
                .Select((s, position) => ScoreOne(position, s, weights, totalWeight, relevanceFactor, papers[i].Passages))
                .ToArray();
        }

        return scored;
    }

    /// <summary>Weight of each question term that occurs in at least one sentence: idf × (1 + min(length, 12) / 12).</summary>
    internal static Dictionary<string, double> TermWeights(string question, IReadOnlyList<IReadOnlyList<(string Text, HashSet<string> Terms)>> sentences)
    {
        var total = sentences.Sum(s => s.Count);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in TextAnalyzer.Terms(question).Distinct(StringComparer.Ordinal))
        {
            var df = sentences.Sum(paper => paper.Count(s => s.Terms.Contains(term)));
            if (df > 0)
            {
                var idf = Math.Log(1 + ((total - df + 0.5) / (df + 0.5)));
                weights[term] = idf * (1 + (Math.Min(term.Length, 12) / 12.0));
            }
        }

        return weights;
    }

    internal static IReadOnlyList<(string Text, HashSet<string> Terms)> Sentences(string text) =>
        SentenceSplitter.Split(text).Select(r => (text[r], TextAnalyzer.Terms(text[r]).ToHashSet(StringComparer.Ordinal))).ToArray();

    private static ScoredSentence ScoreOne(
        int position,
        (string Text, HashSet<string> Terms) sentence,
        Dictionary<string, double> weights,
        double totalWeight,
        double relevanceFactor,
        IReadOnlyList<Passage> passages)
    {
        var matched = weights.Where(w => sentence.Terms.Contains(w.Key)).Sum(w => w.Value);
        var coverage = totalWeight > 0 ? matched / totalWeight : 0;
        var bonus = PassageBonus(sentence.Text, passages) + (ContributionCue().IsMatch(sentence.Text) ? ContributionBonus : 0);
        var score = relevanceFactor * (coverage + bonus) * LengthFactor(sentence.Text);
        return new ScoredSentence(position, sentence.Text, coverage, score);
    }

    private static double PassageBonus(string sentence, IReadOnlyList<Passage> passages)
    {
        if (passages.Count > 0 && passages[0].Text.Contains(sentence, StringComparison.Ordinal))
        {
            return BestPassageBonus;
        }

        return passages.Count > 1 && passages[1].Text.Contains(sentence, StringComparison.Ordinal) ? SecondPassageBonus : 0;
    }

    // Fragments ("Code is available.") say little and run-on enumerations are hard to read as a quote.
    private static double LengthFactor(string sentence) => sentence.Length switch
    {
        < 40 => 0.6,
        > 500 => 0.75,
        _ => 1,
    };

    [GeneratedRegex(@"\b(?:we|this\s+(?:paper|work|study))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design|describe)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContributionCue();
}
