using Onnx;

namespace RagPapers.Embeddings.MiniLM.Quantization;

/// <summary>One matched self-attention block: its three projections, the node whose output it produces, and its parameters.</summary>
internal sealed record AttentionBlock(string Query, string Key, string Value, NodeProto Output, long Heads, float Scale, string MaskInput, float MaskFilter)
{
    /// <summary>com.microsoft.MultiHeadAttention(query, key, value, bias: none, key_padding_mask: [batch, length] int32).</summary>
    public NodeProto ToNode(string? maskInt32)
    {
        var node = new NodeProto { OpType = "MultiHeadAttention", Domain = OnnxInt8Rewriter.MicrosoftDomain, Name = Output.Name + "_attention" };
        node.Input.Add([Query, Key, Value]);
        if (maskInt32 is not null)
        {
            node.Input.Add([string.Empty, maskInt32]);
        }

        node.Output.Add(Output.Output[0]);
        node.Attribute.Add(new AttributeProto { Name = "num_heads", Type = AttributeProto.Types.AttributeType.Int, I = Heads });
        node.Attribute.Add(new AttributeProto { Name = "scale", Type = AttributeProto.Types.AttributeType.Float, F = Scale });
        node.Attribute.Add(new AttributeProto { Name = "mask_filter_value", Type = AttributeProto.Types.AttributeType.Float, F = MaskFilter });
        return node;
    }
}
