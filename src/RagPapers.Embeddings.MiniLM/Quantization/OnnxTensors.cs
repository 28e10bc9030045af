using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace RagPapers.Embeddings.MiniLM.Quantization;

/// <summary>Reads and makes the few kinds of ONNX tensors the rewriter handles (little-endian raw data, as ONNX stores it).</summary>
internal static class OnnxTensors
{
    public static bool IsFloat(TensorProto tensor) => tensor.DataType == (int)TensorProto.Types.DataType.Float;

    public static float[] ReadFloats(TensorProto tensor)
    {
        if (!IsFloat(tensor))
        {
            throw new InvalidDataException($"Tensor '{tensor.Name}' is {(TensorProto.Types.DataType)tensor.DataType}, not float.");
        }

        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
        {
            throw new InvalidDataException($"Tensor '{tensor.Name}' keeps its data in an external file, which the rewriter does not read.");
        }

        return tensor.RawData.IsEmpty ? [.. tensor.FloatData] : MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
    }

    public static TensorProto Floats(string name, float[] values, params long[] dims) =>
        Make(name, TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), dims);

    public static TensorProto Int8(string name, sbyte[] values, params long[] dims) =>
        Make(name, TensorProto.Types.DataType.Int8, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), dims);

    private static TensorProto Make(string name, TensorProto.Types.DataType type, byte[] data, long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = UnsafeByteOperations.UnsafeWrap(data) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }
}
