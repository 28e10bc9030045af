using Onnx;

namespace RagPapers.Embeddings.MiniLM.Quantization;

/// <summary>
/// Rewrites an fp32 ONNX graph so its matrix products with constant weights run in int8: each <c>MatMul(X, W)</c> whose
/// W is a 2-D float initializer becomes ONNX Runtime's <c>com.microsoft.DynamicQuantizeMatMul(X, W_int8, scales[, bias])</c>,
/// which quantizes X per call (uint8, its own range) and multiplies with W packed once at session start.
/// </summary>
/// <remarks>
/// Only the weights are approximated: the activations' range is measured on every call, so no calibration set is needed.
/// A following <c>Add</c> of a constant bias is folded into the operator, which adds it while scaling the int32 results.
/// </remarks>
internal static class OnnxInt8Rewriter
{
    public const string MicrosoftDomain = "com.microsoft";

    /// <summary>Rewrites <paramref name="model"/> in place and returns how many products now run in int8.</summary>
    /// <param name="limit">The largest weight code (127, or 63 to stay exact on CPUs without VNNI; see <see cref="ColumnQuantizer"/>).</param>
    /// <param name="keepInFp32">Products left as they are, named by their bias initializer (or their weight's when they have no bias).</param>
    public static int Rewrite(ModelProto model, int limit, IReadOnlySet<string>? keepInFp32 = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var consumers = Consumers(graph);
        var folded = new HashSet<NodeProto>();
        var rewritten = 0;
        for (var i = 0; i < graph.Node.Count; i++)
        {
            var node = graph.Node[i];
            if (node.OpType != "MatMul" || node.Domain.Length > 0 || !IsConstantMatrix(node.Input[1], initializers, out var weights))
            {
                continue;
            }

            var bias = FoldableBias(node, graph, consumers, initializers, checked((int)weights.Dims[1]));
            if (keepInFp32?.Contains(bias?.Bias ?? weights.Name) == true)
            {
                continue;
            }

            var quantized = Quantize(weights, limit);
            graph.Initializer.Add(OnnxTensors.Int8(weights.Name + "_int8", quantized.Values, quantized.Rows, quantized.Columns));
            graph.Initializer.Add(OnnxTensors.Floats(weights.Name + "_scale", quantized.Scales, quantized.Columns));
            graph.Node[i] = DynamicQuantizeMatMul(node, weights.Name, bias);
            if (bias is not null)
            {
                folded.Add(bias.Value.Add);
            }

            rewritten++;
        }

        foreach (var add in folded)
        {
            graph.Node.Remove(add);
        }

        if (rewritten > 0)
        {
            ImportMicrosoftOperators(model);
        }

        GraphPruner.RemoveUnused(graph);
        return rewritten;
    }

    /// <summary>Declares ONNX Runtime's contrib operator set, which the rewritten nodes come from.</summary>
    public static void ImportMicrosoftOperators(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.OpsetImport.Any(o => o.Domain == MicrosoftDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MicrosoftDomain, Version = 1 });
        }
    }

    private static bool IsConstantMatrix(string name, Dictionary<string, TensorProto> initializers, out TensorProto tensor) =>
        initializers.TryGetValue(name, out tensor!) && OnnxTensors.IsFloat(tensor) && tensor.Dims.Count == 2;

    private static QuantizedMatrix Quantize(TensorProto weights, int limit) =>
        ColumnQuantizer.Quantize(OnnxTensors.ReadFloats(weights), checked((int)weights.Dims[0]), checked((int)weights.Dims[1]), limit);

    /// <summary>The Add that only adds a constant [N] vector to this product, which the operator can do itself.</summary>
    private static (NodeProto Add, string Bias)? FoldableBias(
        NodeProto matMul, GraphProto graph, Dictionary<string, List<NodeProto>> consumers, Dictionary<string, TensorProto> initializers, int columns)
    {
        var product = matMul.Output[0];
        if (graph.Output.Any(o => o.Name == product) || !consumers.TryGetValue(product, out var users) || users is not [{ OpType: "Add", Domain: "" } add])
        {
            return null;
        }

        var other = add.Input[0] == product ? add.Input[1] : add.Input[0];
        return initializers.TryGetValue(other, out var bias) && OnnxTensors.IsFloat(bias) && bias.Dims.Count == 1 && bias.Dims[0] == columns
            ? (add, other)
            : null;
    }

    private static NodeProto DynamicQuantizeMatMul(NodeProto matMul, string weights, (NodeProto Add, string Bias)? bias)
    {
        var node = new NodeProto
        {
            OpType = "DynamicQuantizeMatMul",
            Domain = MicrosoftDomain,
            Name = matMul.Name + "_int8",
        };

        // Inputs: A, B, b_scale, b_zero_point (absent: symmetric), bias.
        node.Input.Add(matMul.Input[0]);
        node.Input.Add(weights + "_int8");
        node.Input.Add(weights + "_scale");
        node.Input.Add(string.Empty);
        if (bias is { } folded)
        {
            node.Input.Add(folded.Bias);
        }

        node.Output.Add(bias?.Add.Output[0] ?? matMul.Output[0]);
        return node;
    }

    private static Dictionary<string, List<NodeProto>> Consumers(GraphProto graph)
    {
        var consumers = new Dictionary<string, List<NodeProto>>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            foreach (var input in node.Input.Where(i => i.Length > 0))
            {
                if (!consumers.TryGetValue(input, out var list))
                {
                    consumers[input] = list = [];
                }

                list.Add(node);
            }
        }

        return consumers;
    }
}
