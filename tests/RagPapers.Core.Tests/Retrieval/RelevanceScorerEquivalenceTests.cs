using RagPapers.Retrieval;
using RagPapers.Text;

namespace RagPapers.Core.Tests.Retrieval;

/// <summary>
/// Coverage finds variants by binary search over a sorted term set; it must give exactly what the rule gives when
/// every term of the text is tried, which is what <see cref="ScanningCoverage"/> does (the scorer's former loop).
/// </summary>
public class RelevanceScorerEquivalenceTests
{
    public static TheoryData<string> Texts => [.. TestPapers.All.Select(p => p.Title + "\n" + p.Abstract)];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Coverage_QueriesOfWordsAndTheirVariants_SameAsScanningEveryTerm(string text)
    {
        foreach (var query in Queries(text))
        {
            var sut = new RelevanceScorer(query);

            Assert.Equal(ScanningCoverage(query, text), sut.Coverage(text));
        }
    }

    /// <summary>Each word of every test paper with its variants: cut short, a letter dropped, doubled, replaced, swapped.</summary>
    private static IEnumerable<string> Queries(string text)
    {
        var words = TestPapers.All.SelectMany(p => TextAnalyzer.Tokens(p.Title + " " + p.Abstract)).Concat(TextAnalyzer.Tokens(text)).Distinct();
        foreach (var word in words)
        {
            var variants = new List<string> { word };
            for (var i = 0; i < word.Length; i++)
            {
                variants.Add(word[..i]);
                variants.Add(word.Remove(i, 1));
                variants.Add(word.Insert(i, word[i].ToString()));
                variants.Add(word[..i] + 'x' + word[(i + 1)..]);
                if (i + 1 < word.Length)
                {
                    variants.Add(word[..i] + word[i + 1] + word[i] + word[(i + 2)..]);
                }
            }

            yield return string.Join(' ', variants);
        }
    }

    private static double ScanningCoverage(string query, string text)
    {
        string[] queryTerms = [.. TextAnalyzer.Terms(query).Distinct(StringComparer.Ordinal)];
        double[] weights = [.. queryTerms.Select(t => Math.Log(1 + t.Length))];
        var total = weights.Sum();
        if (total <= 0)
        {
            return 0;
        }

        var terms = new HashSet<string>(TextAnalyzer.Terms(text), StringComparer.Ordinal);
        var matched = 0.0;
        for (var i = 0; i < queryTerms.Length; i++)
        {
            matched += weights[i] * Match(queryTerms[i], terms);
        }

        return matched / total;
    }

    private static double Match(string term, HashSet<string> terms)
    {
        if (terms.Contains(term))
        {
            return 1;
        }

        foreach (var candidate in terms)
        {
            var (shorter, longer) = candidate.Length < term.Length ? (candidate, term) : (term, candidate);
            if ((shorter.Length >= 5 && longer.StartsWith(shorter, StringComparison.Ordinal))
                || (shorter.Length >= 6 && IsOneEditApart(shorter, longer)))
            {
                return 0.5;
            }
        }

        return 0;
    }

    private static bool IsOneEditApart(string shorter, string longer)
    {
        if (longer.Length - shorter.Length > 1)
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
            return shorter.AsSpan(i + 1).SequenceEqual(longer.AsSpan(i + 1))
                || (i + 1 < shorter.Length && shorter[i] == longer[i + 1] && shorter[i + 1] == longer[i] && shorter.AsSpan(i + 2).SequenceEqual(longer.AsSpan(i + 2)));
        }

        return shorter.AsSpan(i).SequenceEqual(longer.AsSpan(i + 1));
    }
}
