using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace RagPapers.Storage.Sqlite;

/// <summary>Vectors as BLOBs of float32 little-endian, whatever the machine's byte order.</summary>
internal static class VectorBlob
{
    public static byte[] ToBytes(ReadOnlySpan<float> vector)
    {
        if (BitConverter.IsLittleEndian)
        {
            return MemoryMarshal.AsBytes(vector).ToArray();
        }

        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }

    public static void CopyTo(ReadOnlySpan<byte> blob, Span<float> destination)
    {
        if (blob.Length != destination.Length * sizeof(float))
        {
            throw new InvalidDataException($"A stored vector has {blob.Length / sizeof(float)} values where {destination.Length} were expected.");
        }

        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(blob).CopyTo(destination);
            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = BinaryPrimitives.ReadSingleLittleEndian(blob[(i * sizeof(float))..]);
        }
    }

    public static float[] ToVector(ReadOnlySpan<byte> blob)
    {
        var vector = new float[blob.Length / sizeof(float)];
        CopyTo(blob, vector);
        return vector;
    }
}
