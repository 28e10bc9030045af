using RagPapers.Papers;
using RagPapers.Text;

namespace RagPapers.Retrieval;

/// <summary>
/// Absolute evidence strength of a paper for a query, in [0, 1] and comparable across queries — unlike
/// fused rank scores, which only order one result list. It drives the "found nothing" decision.
/// </summary>
/// <remarks>
/// relevance = 0.6 · coverage + 0.4 · dense, where
/// coverage = Σ_t w(t) · match(t) / Σ_t w(t) over the query's distinct content terms t
/// (<see cref="TextAnalyzer.Terms"/>), w(t) = ln(1 + length of t) — longer terms are rarer and more
/// specific, a stand-in for IDF, which the index does not expose — and match(t) = 1 when the paper's
/// title or abstract contains t, 0.5 when it only contains a variant — one of the two is a prefix of
/// the other and the shorter has five or more letters ("generat" and "generative"), or the two are one
/// typo apart and six or more letters long ("reinforcment") — else 0;
/// dense = (cos − floor) / (ceiling − floor) clamped to [0, 1], cos being the query's cosine with the
/// paper's best chunk. The floor is what an unrelated query typically scores, the ceiling what a
/// clearly on-topic one reaches (measured for the local embedder; another embedder needs its own).
/// Coverage dominates because a question naming things the paper never mentions is rarely answered
/// by it; the dense part lifts paraphrases and spelling variants that exact terms miss.
/// </remarks>
public sealed class RelevanceScorer
{
    public const double CoverageWeight = 0.6;
    public const double DefaultCosineFloor = 0.15;
    public const double DefaultCosineCeiling = 0.45;
    private const int MinVariantPrefix = 5;
    private const int MinTypoLength = 6;
    private const double VariantCredit = 0.5;

    private readonly double[] _weights;
    private readonly double _totalWeight;
    private readonly double _floor;
    private readonly double _ceiling;

    public RelevanceScorer(string query, double cosineFloor = DefaultCosineFloor, double cosineCeiling = DefaultCosineCeiling)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (cosineCeiling <= cosineFloor)
        {
            throw new ArgumentOutOfRangeException(nameof(cosineCeiling), "The cosine ceiling must be above the floor.");
        }

        QueryTerms = [.. TextAnalyzer.Terms(query).Distinct(StringComparer.Ordinal)];
        _weights = [.. QueryTerms.Select(t => Math.Log(1 + t.Length))];
        _totalWeight = _weights.Sum();
        (_floor, _ceiling) = (cosineFloor, cosineCeiling);
    }

    /// <summary>The query's distinct content terms, stemmed.</summary>
    public IReadOnlyList<string> QueryTerms { get; }

    public double Score(Paper paper, double bestCosine) => Score(TermsOf(paper), bestCosine);

    /// <summary>Weighted fraction of the query's terms found in the paper's title and abstract; 0 for a query without content terms.</summary>
    public double Coverage(Paper paper) => Coverage(TermsOf(paper));

    public double Coverage(string text) => Coverage(TermSet.Of(text));

    /// <summary>The terms of the paper's text that coverage looks in (title and abstract), for a caller that keeps them.</summary>
    internal static TermSet TermsOf(Paper paper, Func<string, string>? intern = null)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return TermSet.Of(paper.Title + "\n" + paper.Abstract, intern);
    }

    /// <summary><see cref="Score(Paper, double)"/> of a paper whose terms (<see cref="TermsOf"/>) are at hand.</summary>
    internal double Score(TermSet paperTerms, double bestCosine) =>
        CoverageWeight * Coverage(paperTerms) + (1 - CoverageWeight) * DenseEvidence(bestCosine);

    internal double Coverage(TermSet terms)
    {
        if (_totalWeight <= 0)
        {
            return 0;
        }

        var matched = 0.0;
        for (var i = 0; i < QueryTerms.Count; i++)
        {
            matched += _weights[i] * Match(QueryTerms[i], terms);
        }

        return matched / _totalWeight;
    }

    /// <summary>The cosine mapped linearly from [floor, ceiling] to [0, 1].</summary>
    public double DenseEvidence(double cosine) => Math.Clamp((cosine - _floor) / (_ceiling - _floor), 0, 1);

    private static double Match(string term, TermSet terms)
    {
        var at = terms.LowerBound(term);
        if (at < terms.Count && string.Equals(terms[at], term, StringComparison.Ordinal))
        {
            return 1;
        }

        // The variant rule, asked only of the terms that can meet it. In ordinal order a longer term starting with this
        // one sits where this one would; a shorter one (five letters or more) that this one starts with sits between
        // this one's first five letters and this one; a term one edit apart is at most one letter longer or shorter.
        if (term.Length >= MinVariantPrefix && at < terms.Count && terms[at].StartsWith(term, StringComparison.Ordinal))
        {
            return VariantCredit;
        }

        for (var i = term.Length > MinVariantPrefix ? terms.LowerBound(term.AsSpan(0, MinVariantPrefix)) : at; i < at; i++)
        {
            if (term.StartsWith(terms[i], StringComparison.Ordinal))
            {
                return VariantCredit;
            }
        }

        for (var length = term.Length - 1; length <= term.Length + 1; length++)
        {
            if (Math.Min(length, term.Length) < MinTypoLength)
            {
                continue; // the shorter of the two would be too short for a typo
            }

            foreach (var candidate in terms.OfLength(length))
            {
                var (shorter, longer) = candidate.Length < term.Length ? (candidate, term) : (term, candidate);
                if (IsOneEditApart(shorter, longer))
                {
                    return VariantCredit;
                }
            }
        }

        return 0;
    }

    // One insertion, deletion, substitution or swap of neighbours: "reinforcment", "feedbak", "trasnformer".
    private static bool IsOneEditApart(string shorter, string longer)
    {
        if (longer.Length - shorter.Length > 1)
        {
            return false;
        }

        // From three letters on, one edit leaves the first or the last letter in place: a cheap test that turns away
        // most terms before the letter-by-letter comparison.
        if (shorter.Length >= 3 && shorter[0] != longer[0] && shorter[^1] != longer[^1])
        {
            return false;
        }

        var i = 0;
        while (i < shorter.Length && shorter[i] == longer[i])
        {
            i++;
        }

        if (i == shorter.Length)
        {
            return true;
        }

        if (shorter.Length == longer.Length)
        {
            var rest = shorter.AsSpan(i + 1);
            return rest.SequenceEqual(longer.AsSpan(i + 1))
                || (i + 1 < shorter.Length && shorter[i] == longer[i + 1] && shorter[i + 1] == longer[i] && shorter.AsSpan(i + 2).SequenceEqual(longer.AsSpan(i + 2)));
        }

        return shorter.AsSpan(i).SequenceEqual(longer.AsSpan(i + 1));
    }
}
