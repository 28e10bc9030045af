using System.Collections.Concurrent;
using RagPapers.Papers;

namespace RagPapers.Retrieval;

/// <summary>
/// Each paper's analyzed terms (<see cref="RelevanceScorer.TermsOf"/>), kept across retrievals: analyzing a title and
/// abstract costs tens of microseconds, and a ranking 100 deep scores 100 papers per query, mostly the same ones.
/// </summary>
/// <remarks>
/// An entry serves only the very title and abstract it was made from (compared in full, which costs far less than
/// analyzing), so a paper rewritten in the store is analyzed afresh and no write needs to reach the cache. A full
/// cache starts over; the terms of all papers share one string per distinct term.
/// </remarks>
internal sealed class PaperTermCache(int capacity = PaperTermCache.DefaultCapacity)
{
    /// <summary>Papers kept: SciFact's 5,183 fit. An entry holds about 1 KB of terms beside the title and abstract it checks.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _vocabulary = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public TermSet Get(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        lock (_lock)
        {
            if (_entries.TryGetValue(paper.Id, out var entry)
                && string.Equals(entry.Title, paper.Title, StringComparison.Ordinal)
                && string.Equals(entry.Abstract, paper.Abstract, StringComparison.Ordinal))
            {
                return entry.Terms;
            }
        }

        // Analyzed outside the lock, so concurrent retrievals meeting new papers do not queue behind each other.
        var terms = RelevanceScorer.TermsOf(paper, term => _vocabulary.GetOrAdd(term, term));
        lock (_lock)
        {
            if (_entries.Count >= capacity && !_entries.ContainsKey(paper.Id))
            {
                _entries.Clear();
                _vocabulary.Clear();
            }

            _entries[paper.Id] = new Entry(paper.Title, paper.Abstract, terms);
        }

        return terms;
    }

    private sealed record Entry(string Title, string Abstract, TermSet Terms);
}
