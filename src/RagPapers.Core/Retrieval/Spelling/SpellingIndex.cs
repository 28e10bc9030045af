using System.Numerics;
using RagPapers.Storage;
using RagPapers.Text;

namespace RagPapers.Retrieval.Spelling;

/// <summary>
/// The words a misspelling may be corrected to — the collection's words found in at least
/// <see cref="MinCandidatePapers"/> papers — bucketed by length, each with a bit set of its letters. Built once per
/// vocabulary (that is, once per store write), then read by any number of threads.
/// </summary>
/// <remarks>
/// Why buckets and not a symmetric-delete index: a word within distance d of the query has a length within d of it,
/// and its letter set differs from the query's by at most 2d letters (a substitution swaps one letter for another,
/// an insertion or deletion changes one, a swap none). The two tests leave a few dozen words of the ~17,000 of a
/// SciFact-size vocabulary for the exact distance, in tens of microseconds, and take about 40 bytes a word; the
/// deletes of a symmetric-delete index at distance 2 would take about 45 entries per word.
/// </remarks>
internal sealed class SpellingIndex
{
    /// <summary>A word met in a single paper is as likely a typo or a name as the word meant, so it is no correction.</summary>
    public const int MinCandidatePapers = 2;

    private readonly Bucket[] _byLength = new Bucket[SurfaceWords.MaxLength + 1];

    public SpellingIndex(CollectionVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var groups = vocabulary.Words
            .Where(w => w.Value >= MinCandidatePapers && w.Key.Length <= SurfaceWords.MaxLength)
            .GroupBy(w => w.Key.Length);
        foreach (var group in groups)
        {
            var words = group.OrderBy(w => w.Key, StringComparer.Ordinal).ToArray();
            _byLength[group.Key] = new Bucket(
                [.. words.Select(w => w.Key)],
                [.. words.Select(w => w.Value)],
                [.. words.Select(w => Letters(w.Key))]);
            Count += words.Length;
        }
    }

    /// <summary>How many words a misspelling may be corrected to.</summary>
    public int Count { get; }

    /// <summary>
    /// The closest word within <paramref name="maxDistance"/> edits of <paramref name="word"/> (lower-cased): the
    /// smallest distance first, then the most papers, then the first in ordinal order; null when there is none.
    /// </summary>
    public string? Suggest(string word, int maxDistance)
    {
        ArgumentNullException.ThrowIfNull(word);
        var letters = Letters(word);
        var best = new Candidate(null, maxDistance, 0);
        var shortest = Math.Max(1, word.Length - maxDistance);
        var longest = Math.Min(SurfaceWords.MaxLength, word.Length + maxDistance);
        for (var length = shortest; length <= longest; length++)
        {
            if (_byLength[length] is { } bucket && Math.Abs(length - word.Length) <= best.Distance)
            {
                best = bucket.Closest(word, letters, best);
            }
        }

        return best.Word;
    }

    /// <summary>
    /// Whether one word is the other with two or more letters added at its start or end ("unassociated",
    /// "deactivates", "persistor" for "associated", "activates", "persist"): a derived word, not a typo of the other.
    /// </summary>
    internal static bool IsAffixVariant(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return longer.Length - shorter.Length >= 2
            && (longer.StartsWith(shorter, StringComparison.Ordinal) || longer.EndsWith(shorter, StringComparison.Ordinal));
    }

    /// <summary>A bit per letter (by its code modulo 64: a to z get bits of their own); only ever compared, so collisions just weaken the filter.</summary>
    private static ulong Letters(string word)
    {
        var bits = 0UL;
        foreach (var c in word)
        {
            bits |= 1UL << (c & 63);
        }

        return bits;
    }

    private readonly record struct Candidate(string? Word, int Distance, int Papers)
    {
        public bool IsBeatenBy(string word, int distance, int papers) =>
            distance < Distance
            || (distance == Distance && (papers > Papers || (papers == Papers && string.CompareOrdinal(word, Word) < 0)));
    }

    private sealed record Bucket(string[] Words, int[] Papers, ulong[] Letters)
    {
        public Candidate Closest(string word, ulong letters, Candidate best)
        {
            for (var i = 0; i < Words.Length; i++)
            {
                if (BitOperations.PopCount(letters ^ Letters[i]) > 2 * best.Distance)
                {
                    continue;
                }

                var distance = EditDistance.Bounded(word, Words[i], best.Distance);
                if (distance <= best.Distance && best.IsBeatenBy(Words[i], distance, Papers[i]) && !IsAffixVariant(word, Words[i]))
                {
                    best = new Candidate(Words[i], distance, Papers[i]);
                }
            }

            return best;
        }
    }
}
