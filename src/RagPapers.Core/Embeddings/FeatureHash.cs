namespace RagPapers.Embeddings;

/// <summary>
/// A stable 64-bit hash for feature hashing: FNV-1a over UTF-16 code units, finished with the
/// MurmurHash3 64-bit mixer. string.GetHashCode is randomized per process, so vectors it produced
/// could never be stored; this hash gives the same bits on every machine and run.
/// </summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>The start state of a feature group; distinct seeds keep "word x" and "char-gram x" apart.</summary>
    public static ulong Seed(ulong group) => (FnvOffset ^ group) * FnvPrime;

    public static ulong Step(ulong state, char c) => (state ^ c) * FnvPrime;

    public static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        var state = seed;
        foreach (var c in text)
        {
            state = Step(state, c);
        }

        return state;
    }

    /// <summary>An order-sensitive hash of two hashes (for term bigrams).</summary>
    public static ulong Combine(ulong seed, ulong first, ulong second) => Mix((seed ^ first) * FnvPrime ^ Mix(second));

    /// <summary>MurmurHash3's fmix64: spreads FNV's weak high bits so every output bit depends on every input bit.</summary>
    public static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }

    /// <summary>Maps a mixed hash to [0, dimensions) with its high bits (Lemire's multiply-shift, no modulo bias worth noting).</summary>
    public static int Bucket(ulong mixed, int dimensions) => (int)(((mixed >> 32) * (ulong)dimensions) >> 32);

    /// <summary>+1 or -1 from the low bit, independent of the bucket bits: the sign of the hashing trick.</summary>
    public static float Sign(ulong mixed) => (mixed & 1) == 0 ? 1f : -1f;
}
