using Onnx;

namespace RagPapers.Embeddings.MiniLM.Quantization;

/// <summary>
/// Replaces each BERT self-attention block, as PyTorch exports it (heads split by Reshape and Transpose, QKᵀ scaled,
/// plus the additive padding mask, Softmax, times V, heads merged), by ONNX Runtime's
/// <c>com.microsoft.MultiHeadAttention</c>. The exported block spends most of its time moving data (four transposes,
/// a mask add and a softmax over [batch, 12, length, length] each); the fused kernel does it in one pass per head.
/// ONNX Runtime's own optimizer does not recognise this export's pattern.
/// </summary>
internal static class AttentionFusion
{
    private static readonly long[] SplitHeads = [0, 2, 1, 3];
    private static readonly long[] SplitHeadsTransposed = [0, 2, 3, 1];

    /// <summary>Fuses every block that matches, in place, and returns how many did; a block that differs in any way is left as it was.</summary>
    /// <param name="unpadded">Every batch is one text with no padding: the mask is dropped, which lets ONNX Runtime use its flash-attention kernel.</param>
    public static int Fuse(GraphProto graph, bool unpadded = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var index = new OnnxGraphIndex(graph);
        var blocks = graph.Node.Where(n => n is { OpType: "Softmax", Domain: "" }).Select(s => Match(graph, index, s)).OfType<AttentionBlock>().ToArray();
        var masks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            if (unpadded)
            {
                graph.Node[graph.Node.IndexOf(block.Output)] = block.ToNode(null);
                continue;
            }

            if (!masks.TryGetValue(block.MaskInput, out var mask))
            {
                masks[block.MaskInput] = mask = block.MaskInput + "_int32";
                graph.Node.Insert(0, CastToInt32(block.MaskInput, mask));
            }

            graph.Node[graph.Node.IndexOf(block.Output)] = block.ToNode(mask);
        }

        GraphPruner.RemoveUnused(graph);
        return blocks.Length;
    }

    private static AttentionBlock? Match(GraphProto graph, OnnxGraphIndex index, NodeProto softmax)
    {
        if (index.Producer(softmax.Input[0], "Add") is not { } masked)
        {
            return null;
        }

        // scores = (Q·Kᵀ) / c or (Q·Kᵀ) × c, plus the mask term, in either order.
        var first = Scaled(index, masked.Input[0]);
        var scaled = first ?? Scaled(index, masked.Input[1]);
        var maskTerm = first is null ? masked.Input[0] : masked.Input[1];
        if (scaled is null || index.Scalar(scaled.Input[1]) is not { } factor || index.Producer(scaled.Input[0], "MatMul") is not { } scores)
        {
            return null;
        }

        var context = Consumer(graph, softmax.Output[0], "MatMul");
        var merge = context is null ? null : Consumer(graph, context.Output[0], "Transpose");
        var output = merge is null ? null : Consumer(graph, merge.Output[0], "Reshape");
        if (context is null || merge is null || output is null || !OnnxGraphIndex.Ints(merge, "perm").SequenceEqual(SplitHeads)
            || Heads(index, scores.Input[0], SplitHeads) is not { } query
            || Heads(index, scores.Input[1], SplitHeadsTransposed) is not { } key
            || Heads(index, context.Input[1], SplitHeads) is not { } value
            || PaddingMask(graph, index, maskTerm) is not { } mask
            || query.Heads != key.Heads || query.Heads != value.Heads)
        {
            return null;
        }

        var scale = scaled.OpType == "Div" ? 1 / factor : factor;
        return new AttentionBlock(query.Projection, key.Projection, value.Projection, output, query.Heads, scale, mask.Input, mask.Filter);
    }

    private static NodeProto? Scaled(OnnxGraphIndex index, string value) => index.Producer(value, "Div") ?? index.Producer(value, "Mul");

    private static NodeProto? Consumer(GraphProto graph, string value, string opType) =>
        graph.Node.FirstOrDefault(n => n.OpType == opType && n.Domain.Length == 0 && n.Input.Count > 0 && n.Input[0] == value);

    /// <summary>Transpose(perm)(Reshape(projection, Concat(b, l, heads, size))): the projection and its head count.</summary>
    private static (string Projection, long Heads)? Heads(OnnxGraphIndex index, string value, long[] perm)
    {
        if (index.Producer(value, "Transpose") is not { } transpose || !OnnxGraphIndex.Ints(transpose, "perm").SequenceEqual(perm)
            || index.Producer(transpose.Input[0], "Reshape") is not { } reshape || index.Producer(reshape.Input[1], "Concat") is not { Input.Count: 4 } shape
            || index.Int64(shape.Input[2]) is not { } heads)
        {
            return null;
        }

        return (reshape.Input[0], heads);
    }

    /// <summary>(1 − Cast(Unsqueeze(Unsqueeze(mask)))) × filter: the graph input it reads and the value added where the mask is 0.</summary>
    private static (string Input, float Filter)? PaddingMask(GraphProto graph, OnnxGraphIndex index, string term)
    {
        if (index.Producer(term, "Mul") is not { } mul || index.Scalar(mul.Input[1]) is not { } filter
            || index.Producer(mul.Input[0], "Sub") is not { } sub || index.Scalar(sub.Input[0]) is not 1f)
        {
            return null;
        }

        var value = sub.Input[1];
        while ((index.Producer(value, "Cast") ?? index.Producer(value, "Unsqueeze")) is { } step)
        {
            value = step.Input[0];
        }

        return graph.Input.Any(i => i.Name == value) ? (value, filter) : null;
    }

    private static NodeProto CastToInt32(string input, string output)
    {
        var cast = new NodeProto { OpType = "Cast", Name = output + "_cast" };
        cast.Input.Add(input);
        cast.Output.Add(output);
        cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Int32 });
        return cast;
    }
}
