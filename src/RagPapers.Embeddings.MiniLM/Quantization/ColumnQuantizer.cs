namespace RagPapers.Embeddings.MiniLM.Quantization;

/// <summary>A weight matrix [K × N] as symmetric int8 with one scale per output column: W[k, n] ≈ Values[k, n] × Scales[n].</summary>
internal sealed record QuantizedMatrix(sbyte[] Values, float[] Scales, int Rows, int Columns);

/// <summary>Symmetric per-column int8 quantization of a MatMul's constant right-hand side.</summary>
internal static class ColumnQuantizer
{
    /// <summary>
    /// Quantizes a row-major [rows × columns] matrix. Each column's largest magnitude maps to <paramref name="limit"/>, so
    /// one column of large weights does not cost the others their precision, and zero stays exactly zero.
    /// </summary>
    /// <param name="limit">
    /// The largest code: 127 uses the full int8 range; 63 (7 bits) keeps ONNX Runtime's AVX2 kernel exact, because its
    /// u8 × s8 pair sums saturate at 32,767 (255 × 127 × 2 = 64,770 can overflow; 255 × 63 × 2 = 32,130 cannot).
    /// </param>
    public static QuantizedMatrix Quantize(ReadOnlySpan<float> weights, int rows, int columns, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Length, rows * columns, nameof(weights));
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 127);

        var scales = new float[columns];
        for (var k = 0; k < rows; k++)
        {
            var row = weights.Slice(k * columns, columns);
            for (var n = 0; n < columns; n++)
            {
                scales[n] = MathF.Max(scales[n], MathF.Abs(row[n]));
            }
        }

        for (var n = 0; n < columns; n++)
        {
            // An all-zero column gets scale 1 (any scale reproduces zeros) rather than a division by zero.
            scales[n] = scales[n] > 0 ? scales[n] / limit : 1f;
        }

        var values = new sbyte[weights.Length];
        for (var k = 0; k < rows; k++)
        {
            for (var n = 0; n < columns; n++)
            {
                var code = MathF.Round(weights[(k * columns) + n] / scales[n], MidpointRounding.ToEven);
                values[(k * columns) + n] = (sbyte)Math.Clamp(code, -limit, limit);
            }
        }

        return new QuantizedMatrix(values, scales, rows, columns);
    }
}
