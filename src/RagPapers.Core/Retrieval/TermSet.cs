using RagPapers.Text;

namespace RagPapers.Retrieval;

/// <summary>
/// The distinct analyzed terms of a text (<see cref="TextAnalyzer.Terms"/>), sorted ordinally and grouped by length,
/// so that <see cref="RelevanceScorer"/> finds a term and its variants by binary search and among the terms of a
/// given length, instead of trying every term.
/// </summary>
internal sealed class TermSet
{
    private readonly string[] _terms;
    private readonly string[] _byLength;
    private readonly int[] _lengthStarts; // the terms of length n are _byLength[_lengthStarts[n].._lengthStarts[n + 1]]

    private TermSet(string[] terms)
    {
        _terms = terms;
        var longest = terms.Length == 0 ? 0 : terms.Max(t => t.Length);
        _lengthStarts = new int[longest + 2];
        foreach (var term in terms)
        {
            _lengthStarts[term.Length + 1]++;
        }

        for (var length = 1; length < _lengthStarts.Length; length++)
        {
            _lengthStarts[length] += _lengthStarts[length - 1];
        }

        _byLength = new string[terms.Length];
        var next = _lengthStarts[..^1];
        foreach (var term in terms)
        {
            _byLength[next[term.Length]++] = term;
        }
    }

    public int Count => _terms.Length;

    /// <summary>Every term, in ordinal order.</summary>
    public ReadOnlySpan<string> All => _terms;

    public string this[int index] => _terms[index];

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

    /// <summary>The terms <paramref name="length"/> characters long.</summary>
    public ReadOnlySpan<string> OfLength(int length) =>
        length >= 0 && length + 1 < _lengthStarts.Length ? _byLength.AsSpan(_lengthStarts[length].._lengthStarts[length + 1]) : [];

    /// <summary>
    /// The index of the first term not ordinally below <paramref name="term"/>. Ordinal order keeps together the terms
    /// that start with a given prefix, right where the prefix itself would go.
    /// </summary>
    public int LowerBound(ReadOnlySpan<char> term)
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
