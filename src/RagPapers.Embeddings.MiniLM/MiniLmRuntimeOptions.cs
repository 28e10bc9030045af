namespace RagPapers.Embeddings.MiniLM;

/// <summary>How the model is run: precision, threads and batch size. The defaults are the measured best (docs/benchmarks.md).</summary>
internal sealed record MiniLmRuntimeOptions
{
    public static MiniLmRuntimeOptions Default { get; } = new();

    /// <summary>Run the int8 rewrite of the model (cached beside the weights) instead of the fp32 original.</summary>
    public bool Int8 { get; init; } = true;

    /// <summary>One text per batch, no padding and no attention mask (ONNX Runtime then runs flash attention).</summary>
    public bool Unpadded { get; init; } = true;

    /// <summary>The largest int8 weight code: 127, or 63 so CPUs without VNNI cannot saturate (see Quantization/ColumnQuantizer).</summary>
    public int WeightLimit { get; init; } = 63;

    /// <summary>How many batches run at once when many texts are embedded, each on its own thread.</summary>
    public int Streams { get; init; } = Environment.ProcessorCount;

    /// <summary>ONNX Runtime's intra-op threads for one batch.</summary>
    public int ThreadsPerStream { get; init; } = 1;

    /// <summary>The most padded tokens (texts × longest text) in one batch.</summary>
    public int BatchTokens { get; init; } = 2048;

    /// <summary>When set, ONNX Runtime writes a per-operator profile (JSON) with this file name prefix; for benchmarks.</summary>
    public string? ProfilePrefix { get; init; }

    /// <summary>Where the int8 model may be cached, first writable wins; null: beside the weights, then the user's cache folder.</summary>
    public IReadOnlyList<string>? CacheFolders { get; init; }
}
