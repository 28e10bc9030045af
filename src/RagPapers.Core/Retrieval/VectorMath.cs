using System.Numerics.Tensors;

namespace RagPapers.Retrieval;

/// <summary>Cosine and centroid helpers that tolerate the all-zero vector of a text without content terms.</summary>
internal static class VectorMath
{
    /// <summary>Cosine similarity; 0 when either vector is all zeros (TensorPrimitives would give NaN).</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.IsEmpty)
        {
            return 0;
        }

        var norms = TensorPrimitives.Norm(a) * TensorPrimitives.Norm(b);
        return norms > 0 ? TensorPrimitives.Dot(a, b) / norms : 0;
    }

    /// <summary>The unit-length mean of <paramref name="vectors"/> (the direction they share); empty when there are none.</summary>
    public static float[] Centroid(IEnumerable<ReadOnlyMemory<float>> vectors)
    {
        float[]? sum = null;
        foreach (var vector in vectors)
        {
            sum ??= new float[vector.Length];
            if (vector.Length == sum.Length)
            {
                TensorPrimitives.Add(sum, vector.Span, sum);
            }
        }

        if (sum is null)
        {
            return [];
        }

        var norm = TensorPrimitives.Norm(sum);
        if (norm > 0)
        {
            TensorPrimitives.Divide(sum, norm, sum);
        }

        return sum;
    }
}
