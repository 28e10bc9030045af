using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The dot product of an int8 vector with a float32 one, widened in registers: the exact scan's inner loop. Widening a
/// row into a float buffer first and then taking the dot product walked each row twice; this walks it once.
/// </summary>
internal static class Int8Dot
{
    private const int Block = 32; // one 256-bit load of int8 values, four of float32

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Dot(ReadOnlySpan<sbyte> values, ReadOnlySpan<float> query)
    {
        if (values.Length != query.Length)
        {
            throw new ArgumentException($"The vectors have {values.Length} and {query.Length} dimensions.", nameof(query));
        }

        var blocks = Vector256.IsHardwareAccelerated ? values.Length / Block * Block : 0;
        var sum = blocks == 0 ? 0f : Vectorized(values[..blocks], query[..blocks]);
        for (var i = blocks; i < values.Length; i++)
        {
            sum += values[i] * query[i];
        }

        return sum;
    }

    private static float Vectorized(ReadOnlySpan<sbyte> values, ReadOnlySpan<float> query)
    {
        ref var value = ref MemoryMarshal.GetReference(values);
        ref var factor = ref MemoryMarshal.GetReference(query);
        var (sum0, sum1, sum2, sum3) = (Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero);
        for (nuint i = 0; i < (nuint)values.Length; i += Block)
        {
            var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref value, i));
            var (a, b) = Vector256.Widen(low);
            var (c, d) = Vector256.Widen(high);
            sum0 = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(a), Vector256.LoadUnsafe(ref factor, i), sum0);
            sum1 = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(b), Vector256.LoadUnsafe(ref factor, i + 8), sum1);
            sum2 = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(c), Vector256.LoadUnsafe(ref factor, i + 16), sum2);
            sum3 = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(d), Vector256.LoadUnsafe(ref factor, i + 24), sum3);
        }

        return Vector256.Sum((sum0 + sum1) + (sum2 + sum3));
    }
}
