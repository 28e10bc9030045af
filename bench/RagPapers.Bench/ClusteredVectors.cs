using System.Numerics.Tensors;

namespace RagPapers.Bench;

/// <summary>
/// Unit vectors grouped around random centres, as text embeddings are around topics: vector i is a deterministic
/// function of (seed, i), so a run can be reproduced without keeping a million vectors in memory.
/// </summary>
internal sealed class ClusteredVectors(int dimensions, int clusters, int seed)
{
    private readonly float[][] _centres = MakeCentres(dimensions, clusters, seed);

    public float[] Vector(long index)
    {
        var random = new Random(Mix(seed, index)); // not HashCode.Combine: it is seeded per process
        var centre = _centres[random.Next(_centres.Length)];

        // Each cluster's spread varies, so some topics are tight and others diffuse.
        var spread = 0.35f + (0.5f * (float)random.NextDouble());
        var vector = new float[centre.Length];
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = centre[d] + (spread * Gaussian(random) / MathF.Sqrt(centre.Length));
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    /// <summary>SplitMix64's finalizer: a seed per vector that is the same in every process.</summary>
    private static int Mix(int seed, long index)
    {
        var z = unchecked(((ulong)seed << 40) ^ (ulong)index) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private static float[][] MakeCentres(int dimensions, int clusters, int seed)
    {
        var random = new Random(seed);
        var centres = new float[clusters][];
        for (var c = 0; c < clusters; c++)
        {
            centres[c] = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                centres[c][d] = Gaussian(random) / MathF.Sqrt(dimensions);
            }
        }

        return centres;
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
