using System.Numerics.Tensors;

namespace RagPapers.Storage.Sqlite;

/// <summary>Symmetric int8 quantization with one scale per vector: value ≈ scale × q, q in [-127, 127].</summary>
internal static class Int8Quantizer
{
    /// <summary>Writes the int8 codes of <paramref name="vector"/> to <paramref name="codes"/> and returns the scale.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        var max = TensorPrimitives.MaxMagnitude(vector);
        var magnitude = float.IsFinite(max) ? Math.Abs(max) : 0f;
        if (magnitude == 0)
        {
            codes.Clear();
            return 0f;
        }

        var scale = magnitude / 127f;
        for (var i = 0; i < vector.Length; i++)
        {
            codes[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127f, 127f);
        }

        return scale;
    }
}
