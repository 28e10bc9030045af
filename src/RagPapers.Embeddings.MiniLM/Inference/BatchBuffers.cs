using Microsoft.ML.OnnxRuntime;

namespace RagPapers.Embeddings.MiniLM.Inference;

/// <summary>
/// One worker's input and output memory, sized for the largest batch and reused for every batch it runs: ONNX Runtime
/// reads the token ids from, and writes the hidden states into, these arrays directly, with no tensor built or copied per batch.
/// </summary>
internal sealed class BatchBuffers(int tokens)
{
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly long[] _ids = new long[tokens];
    private readonly long[] _mask = new long[tokens];

    // Every text is one segment: its type ids stay zero.
    private readonly long[] _types = new long[tokens];
    private readonly float[] _hidden = new float[tokens * MiniLmModel.Dimensions];

    public int Tokens => _ids.Length;

    /// <summary>Runs one batch of token id rows (padded to the longest) and pools each row into its unit vector.</summary>
    public float[][] Run(InferenceSession session, IReadOnlyList<long[]> rows)
    {
        var length = rows.Max(r => r.Length);
        var count = rows.Count * length;
        _ids.AsSpan(0, count).Clear();
        _mask.AsSpan(0, count).Clear();
        for (var row = 0; row < rows.Count; row++)
        {
            rows[row].CopyTo(_ids, row * length);
            _mask.AsSpan(row * length, rows[row].Length).Fill(1);
        }

        long[] shape = [rows.Count, length];
        var memory = OrtMemoryInfo.DefaultInstance;
        using var ids = OrtValue.CreateTensorValueFromMemory(memory, _ids.AsMemory(0, count), shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(memory, _mask.AsMemory(0, count), shape);
        using var types = OrtValue.CreateTensorValueFromMemory(memory, _types.AsMemory(0, count), shape);
        using var hidden = OrtValue.CreateTensorValueFromMemory(memory, _hidden.AsMemory(0, count * MiniLmModel.Dimensions), [rows.Count, length, MiniLmModel.Dimensions]);
        using var options = new RunOptions();
        session.Run(options, InputNames, [ids, mask, types], OutputNames, [hidden]);

        var vectors = new float[rows.Count][];
        for (var row = 0; row < rows.Count; row++)
        {
            vectors[row] = MeanPooling.Normalized(_hidden.AsSpan(row * length * MiniLmModel.Dimensions, length * MiniLmModel.Dimensions), rows[row].Length);
        }

        return vectors;
    }
}
