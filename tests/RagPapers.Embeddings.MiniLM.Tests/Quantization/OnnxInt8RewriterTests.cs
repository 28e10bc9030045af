using Onnx;
using RagPapers.Embeddings.MiniLM.Quantization;

namespace RagPapers.Embeddings.MiniLM.Tests.Quantization;

public sealed class OnnxInt8RewriterTests
{
    private static readonly float[] Weights = [0.5f, -1.0f, 0.25f, 0.1f, 0.2f, -0.3f, -0.7f, 0.05f, 0.9f, 0.33f, -0.12f, 0.6f];
    private static readonly float[] Bias = [0.1f, -0.2f, 0.3f];
    private static readonly float[] Input = [1f, 2f, -1f, 0.5f, -0.25f, 0.75f, 1.5f, -2f];

    [Fact]
    public void Rewrite_MatMulWithConstantWeightAndBias_OneInt8OperatorWithTheBiasFolded()
    {
        var sut = TinyGraphs.LinearLayer(Weights, Bias);

        var rewritten = OnnxInt8Rewriter.Rewrite(sut, limit: 127);

        Assert.Equal(1, rewritten);
        var node = Assert.Single(sut.Graph.Node);
        Assert.Equal(("DynamicQuantizeMatMul", OnnxInt8Rewriter.MicrosoftDomain), (node.OpType, node.Domain));
        Assert.Equal(["x", "w_int8", "w_scale", "", "b"], node.Input);
        Assert.Equal("y", node.Output[0]);
        Assert.DoesNotContain(sut.Graph.Initializer, t => t.Name == "w");
        Assert.Contains(sut.OpsetImport, o => o.Domain == OnnxInt8Rewriter.MicrosoftDomain);
    }

    [Fact]
    public void Rewrite_TinyLinearLayer_SameOutputAsFp32WithinQuantizationError()
    {
        var expected = TinyGraphs.Run(TinyGraphs.LinearLayer(Weights, Bias), Input, rows: 2, columns: 4);
        var sut = TinyGraphs.LinearLayer(Weights, Bias);

        OnnxInt8Rewriter.Rewrite(sut, limit: 127);
        var actual = TinyGraphs.Run(sut, Input, rows: 2, columns: 4);

        // Inputs span 3.5 over 255 steps (0.014 each) and weights at most 1/127 of a column's largest: each of the
        // four products is off by about 0.014 × 0.5 + 2 × 0.008, so the sum stays well within 0.1.
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.InRange(actual[i], expected[i] - 0.1f, expected[i] + 0.1f);
        }
    }

    [Fact]
    public void Rewrite_WeightFedByAnotherNode_LeftInFp32()
    {
        var sut = TinyGraphs.LinearLayer(Weights, Bias);
        var weight = sut.Graph.Initializer.Single(t => t.Name == "w");
        sut.Graph.Initializer.Remove(weight);
        var constant = new NodeProto { OpType = "Identity", Name = "computed" };
        constant.Input.Add("w0");
        constant.Output.Add("w");
        weight.Name = "w0";
        sut.Graph.Initializer.Add(weight);
        sut.Graph.Node.Insert(0, constant);

        Assert.Equal(0, OnnxInt8Rewriter.Rewrite(sut, limit: 127));
        Assert.Contains(sut.Graph.Node, n => n.OpType == "MatMul");
    }
}
