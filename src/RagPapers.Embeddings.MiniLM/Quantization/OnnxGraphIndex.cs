using System.Runtime.InteropServices;
using Onnx;

namespace RagPapers.Embeddings.MiniLM.Quantization;

/// <summary>Who produces each value of a graph, and the constant values a pattern needs to read.</summary>
internal sealed class OnnxGraphIndex
{
    private readonly Dictionary<string, NodeProto> _producers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TensorProto> _constants = new(StringComparer.Ordinal);

    public OnnxGraphIndex(GraphProto graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        foreach (var tensor in graph.Initializer)
        {
            _constants[tensor.Name] = tensor;
        }

        foreach (var node in graph.Node)
        {
            foreach (var output in node.Output)
            {
                _producers[output] = node;
            }

            if (node is { OpType: "Constant", Domain: "" } && node.Attribute.FirstOrDefault(a => a.Name == "value")?.T is { } value)
            {
                _constants[node.Output[0]] = value;
            }
        }
    }

    /// <summary>The node that computes <paramref name="value"/> if it is a standard-domain <paramref name="opType"/>.</summary>
    public NodeProto? Producer(string value, string opType) =>
        _producers.TryGetValue(value, out var node) && node.OpType == opType && node.Domain.Length == 0 ? node : null;

    /// <summary>A single float held by an initializer or a Constant node.</summary>
    public float? Scalar(string value)
    {
        if (!_constants.TryGetValue(value, out var tensor) || !OnnxTensors.IsFloat(tensor) || tensor.Dims.Aggregate(1L, (a, d) => a * d) != 1)
        {
            return null;
        }

        return tensor.RawData.IsEmpty ? tensor.FloatData[0] : MemoryMarshal.Read<float>(tensor.RawData.Span);
    }

    /// <summary>A single int64 held by an initializer or a Constant node.</summary>
    public long? Int64(string value) =>
        _constants.TryGetValue(value, out var tensor) && tensor.DataType == (int)TensorProto.Types.DataType.Int64 && tensor.Dims.Aggregate(1L, (a, d) => a * d) == 1
            ? tensor.RawData.IsEmpty ? tensor.Int64Data[0] : MemoryMarshal.Read<long>(tensor.RawData.Span)
            : null;

    public static IReadOnlyList<long> Ints(NodeProto node, string attribute) =>
        node.Attribute.FirstOrDefault(a => a.Name == attribute)?.Ints ?? (IReadOnlyList<long>)[];
}
