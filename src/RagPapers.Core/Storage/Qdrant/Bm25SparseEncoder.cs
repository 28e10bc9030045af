using System.Text;
using RagPapers.Text;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// BM25 as a sparse vector, computed on the client and scored by Qdrant's IDF modifier.
/// A chunk stores, for each distinct term t of its title and text, tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)),
/// with the title's terms counted twice in tf and len (as the SQLite store weighs the title column 2:1); a
/// query sends each distinct term with weight 1. Qdrant multiplies the query weights by
/// idf(t) = ln(1 + (N − df + 0.5)/(df + 0.5)) and takes the dot product: Okapi BM25, k1 = 1.2, b = 0.75.
/// Terms are <see cref="TextAnalyzer.Terms"/> (lower-cased, stop words dropped, lightly stemmed) and a term's id is
/// |(int)murmur3_32(UTF-8 term, seed 0)|, Qdrant's own token-id scheme.
/// </summary>
internal sealed class Bm25SparseEncoder(double averageLength)
{
    public const double K1 = 1.2;
    public const double B = 0.75;
    public const int TitleWeight = 2;

    // A pasted paragraph should not become a query with hundreds of terms (the SQLite store keeps 64 too).
    private const int MaxQueryTerms = 64;

    public double AverageLength => averageLength;

    public static uint TermId(string term)
    {
        var hash = (int)Murmur3.Hash32(Encoding.UTF8.GetBytes(term));
        return (uint)Math.Abs((long)hash);
    }

    public SparseTerms Document(string title, string text)
    {
        var frequencies = new SortedDictionary<uint, int>();
        var length = Count(frequencies, TextAnalyzer.Terms(title), TitleWeight) + Count(frequencies, TextAnalyzer.Terms(text), 1);
        var norm = K1 * (1 - B + (B * length / averageLength));
        var values = frequencies.Values.Select(tf => (float)(tf * (K1 + 1) / (tf + norm))).ToArray();
        return new SparseTerms([.. frequencies.Keys], values);
    }

    /// <summary>The query's distinct term ids, weight 1 each; empty when it has no searchable term.</summary>
    public static SparseTerms Query(string text)
    {
        var ids = TextAnalyzer.Terms(text).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).Select(TermId).Distinct().Order().ToArray();
        return new SparseTerms(ids, [.. ids.Select(_ => 1f)]);
    }

    // Two terms may share an id (a hash collision): their counts add up, as the vector can hold the id once.
    private static int Count(SortedDictionary<uint, int> frequencies, List<string> terms, int weight)
    {
        foreach (var term in terms)
        {
            var id = TermId(term);
            frequencies[id] = frequencies.GetValueOrDefault(id) + weight;
        }

        return terms.Count * weight;
    }
}
