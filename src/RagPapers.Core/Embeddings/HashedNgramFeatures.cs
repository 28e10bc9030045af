using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using RagPapers.Text;

namespace RagPapers.Embeddings;

/// <summary>
/// The feature recipe of <see cref="LocalEmbeddingGenerator"/>. Changing anything here (groups, weights,
/// n-gram sizes, hash) changes every vector: bump <see cref="LocalEmbeddingGenerator.ModelId"/> with it.
/// </summary>
internal static class HashedNgramFeatures
{
    // Group weights, the share of each group before the final normalization. Whole terms carry the topic;
    // char-grams bridge morphology and spelling; bigrams add phrase order ("graph neural" vs "neural
    // graph") but are rare matches that mostly add collision noise at 512 dimensions. Measured dense-only
    // on SciFact train (nDCG@10, 512 dims): words alone 0.458; 1/0.6/0.45 0.442; 1/0.2/0.8 0.497;
    // 1/0/1 0.504. Bigrams keep a small weight as a tie-breaker for phrase questions.
    internal const float WordWeight = 1.0f;
    internal const float BigramWeight = 0.2f;
    internal const float CharGramWeight = 0.8f;

    private const int MinGram = 3;
    private const int MaxGram = 5;

    // Longer tokens are hashes, URLs or chemical names; their first 30 characters give all the grams needed.
    private const int MaxGramTermLength = 30;

    private static readonly ulong WordSeed = FeatureHash.Seed(1);
    private static readonly ulong BigramSeed = FeatureHash.Seed(2);
    private static readonly ulong CharGramSeed = FeatureHash.Seed(3);

    // 1 + ln(tf) for the small counts that make up nearly every feature.
    private static readonly float[] SublinearTf = [.. Enumerable.Range(0, 33).Select(tf => tf == 0 ? 0f : 1f + MathF.Log(tf))];

    /// <summary>Writes the L2-normalized vector of <paramref name="text"/> into <paramref name="destination"/> (all zeros for a text without content terms).</summary>
    public static void Embed(string text, Span<float> destination)
    {
        destination.Clear();
        var terms = TextAnalyzer.Terms(text);
        if (terms.Count == 0)
        {
            return;
        }

        var buffer = ArrayPool<ulong>.Shared.Rent(terms.Count + Math.Max(terms.Count, CharGramCount(terms)));
        try
        {
            var wordHashes = buffer.AsSpan(0, terms.Count);
            var features = buffer.AsSpan(terms.Count);
            for (var i = 0; i < terms.Count; i++)
            {
                wordHashes[i] = FeatureHash.Hash(terms[i], WordSeed);
                features[i] = FeatureHash.Mix(wordHashes[i]);
            }

            AddGroup(features[..terms.Count], destination, WordWeight);
            for (var i = 0; i + 1 < terms.Count; i++)
            {
                features[i] = FeatureHash.Combine(BigramSeed, wordHashes[i], wordHashes[i + 1]);
            }

            AddGroup(features[..(terms.Count - 1)], destination, BigramWeight);
            AddGroup(features[..WriteCharGrams(terms, features)], destination, CharGramWeight);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }

        var norm = TensorPrimitives.Norm(destination);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(destination, norm, destination);
        }
    }

    private static int CharGramCount(List<string> terms)
    {
        var count = 0;
        foreach (var term in terms)
        {
            var padded = Math.Min(term.Length, MaxGramTermLength) + 2;
            for (var n = MinGram; n <= MaxGram; n++)
            {
                count += Math.Max(0, padded - n + 1);
            }
        }

        return count;
    }

    // Grams of "<term>" with boundary markers, so prefixes and suffixes are features of their own.
    // One pass per start position extends the running hash and emits the 3-, 4- and 5-gram in turn.
    private static int WriteCharGrams(List<string> terms, Span<ulong> features)
    {
        Span<char> padded = stackalloc char[MaxGramTermLength + 2];
        var count = 0;
        foreach (var term in terms)
        {
            var length = Math.Min(term.Length, MaxGramTermLength) + 2;
            padded[0] = '<';
            term.AsSpan(0, length - 2).CopyTo(padded[1..]);
            padded[length - 1] = '>';
            for (var start = 0; start + MinGram <= length; start++)
            {
                var state = CharGramSeed;
                var end = Math.Min(start + MaxGram, length);
                for (var i = start; i < end; i++)
                {
                    state = FeatureHash.Step(state, padded[i]);
                    if (i - start + 1 >= MinGram)
                    {
                        features[count++] = FeatureHash.Mix(state);
                    }
                }
            }
        }

        return count;
    }

    // Adds one group as its own unit vector times the group weight: each distinct feature gets
    // 1 + ln(tf), so a word said five times counts about 2.6 times, not 5. Counting goes through a small
    // open-addressing table (sorting the ~1,000 char-grams of a chunk cost four times as much).
    private static void AddGroup(ReadOnlySpan<ulong> features, Span<float> destination, float groupWeight)
    {
        if (features.IsEmpty)
        {
            return;
        }

        var size = (int)BitOperations.RoundUpToPowerOf2((uint)(features.Length + (features.Length / 2) + 1));
        var keys = ArrayPool<ulong>.Shared.Rent(size);
        var counts = ArrayPool<int>.Shared.Rent(size);
        try
        {
            Array.Clear(keys, 0, size);
            Array.Clear(counts, 0, size);
            Count(features, keys.AsSpan(0, size), counts.AsSpan(0, size));
            var squaredNorm = 0f;
            for (var slot = 0; slot < size; slot++)
            {
                var weight = Tf(counts[slot]);
                squaredNorm += weight * weight;
            }

            var scale = groupWeight / MathF.Sqrt(squaredNorm);
            for (var slot = 0; slot < size; slot++)
            {
                if (counts[slot] > 0)
                {
                    destination[FeatureHash.Bucket(keys[slot], destination.Length)] += FeatureHash.Sign(keys[slot]) * Tf(counts[slot]) * scale;
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    private static void Count(ReadOnlySpan<ulong> features, Span<ulong> keys, Span<int> counts)
    {
        var mask = keys.Length - 1;
        foreach (var feature in features)
        {
            var slot = (int)feature & mask;
            while (counts[slot] > 0 && keys[slot] != feature)
            {
                slot = (slot + 1) & mask;
            }

            keys[slot] = feature;
            counts[slot]++;
        }
    }

    private static float Tf(int count) => count < SublinearTf.Length ? SublinearTf[count] : 1f + MathF.Log(count);
}
