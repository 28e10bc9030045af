using RagPapers.Text;

namespace RagPapers.Retrieval;

/// <summary>
/// The distinct analyzed terms of a text (<see cref="TextAnalyzer.Terms"/>), sorted ordinally: a term, a prefix of
/// one, or the terms starting with one are found by binary search, so <see cref="RelevanceScorer"/> need not scan them.
/// </summary>
internal sealed class TermSet
{
    private readonly string[] _terms;

    private TermSet(string[] terms) => _terms = terms;

    /// <summary>Every term, in ordinal order.</summary>
    public ReadOnlySpan<string> All => _terms;

    /// <param name="text">The text to analyze.</param>
    /// <param name="intern">Maps a term to the one instance kept for it, so the sets of many texts share their strings.</param>
    public static TermSet Of(string text, Func<string, string>? intern = null)
    {
        var distinct = new HashSet<string>(TextAnalyzer.Terms(text), StringComparer.Ordinal);
        var terms = new string[distinct.Count];
        distinct.CopyTo(terms);
        Array.Sort(terms, StringComparer.Ordinal);
        if (intern is not null)
        {
            for (var i = 0; i < terms.Length; i++)
            {
                terms[i] = intern(terms[i]);
            }
        }

        return new TermSet(terms);
    }

    public bool Contains(ReadOnlySpan<char> term)
    {
        var i = LowerBound(term);
        return i < _terms.Length && term.SequenceEqual(_terms[i]);
    }

    /// <summary>Whether some term starts with <paramref name="prefix"/> (or is it).</summary>
    public bool HasTermStartingWith(string prefix)
    {
        // Ordinal order keeps every term that starts with the prefix together, right where the prefix would go.
        var i = LowerBound(prefix);
        return i < _terms.Length && _terms[i].StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>The index of the first term not ordinally below <paramref name="term"/>.</summary>
    private int LowerBound(ReadOnlySpan<char> term)
    {
        var (low, high) = (0, _terms.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_terms[middle].AsSpan().SequenceCompareTo(term) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
