using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using RagPapers.Embeddings.MiniLM.Quantization;

namespace RagPapers.Embeddings.MiniLM.Tests.Quantization;

/// <summary>Small ONNX models built in code, and a way to run one.</summary>
internal static class TinyGraphs
{
    /// <summary>Y = X·W + b for X [rows × 4], a constant W [4 × 3] and b [3]: the shape of every projection in the encoder.</summary>
    public static ModelProto LinearLayer(float[] weights, float[] bias)
    {
        var graph = new GraphProto { Name = "linear" };
        graph.Input.Add(FloatInput("x", -1, 4));
        graph.Output.Add(FloatInput("y", -1, 3));
        graph.Initializer.Add(OnnxTensors.Floats("w", weights, 4, 3));
        graph.Initializer.Add(OnnxTensors.Floats("b", bias, 3));
        graph.Node.Add(Node("MatMul", ["x", "w"], "xw"));
        graph.Node.Add(Node("Add", ["b", "xw"], "y"));
        var model = new ModelProto { IrVersion = 7, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        return model;
    }

    /// <summary>Runs a model with one float input [rows × columns] and returns its one output, flattened.</summary>
    public static float[] Run(ModelProto model, float[] input, int rows, int columns)
    {
        using var session = new InferenceSession(model.ToByteArray());
        using var x = OrtValue.CreateTensorValueFromMemory(input, [rows, columns]);
        using var options = new RunOptions();
        using var outputs = session.Run(options, [session.InputNames[0]], [x], [session.OutputNames[0]]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = op + "_" + output };
        node.Input.Add(inputs);
        node.Output.Add(output);
        return node;
    }

    private static ValueInfoProto FloatInput(string name, params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(dims.Select(d => d < 0 ? new TensorShapeProto.Types.Dimension { DimParam = "rows" } : new TensorShapeProto.Types.Dimension { DimValue = d }));
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
