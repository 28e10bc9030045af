using Onnx;

namespace RagPapers.Embeddings.MiniLM.Quantization;

/// <summary>all-MiniLM-L6-v2's int8 model: the rewrite of its fp32 graph, and where that rewrite is cached.</summary>
internal static class MiniLmInt8
{
    /// <summary>Bumped whenever the rewrite's output changes, so models cached by an older version are made again.</summary>
    public const int RewriterVersion = 2;

    public const string ModelName = "all-MiniLM-L6-v2";

    // The feed-forward output of layers 0 and 2 stays fp32. Its input (after GELU) has the widest range in the model,
    // which one int8 scale per call serves worst: short sentences lost most there (the model card's sentence at cosine
    // 0.985 to fp32 with everything in int8, 0.991 with these two kept, docs/benchmarks.md). 2 of 36 products, 11% of the work.
    private static readonly HashSet<string> KeptInFp32 = new(StringComparer.Ordinal)
    {
        "encoder.layer.0.output.dense.bias",
        "encoder.layer.2.output.dense.bias",
    };

    /// <summary>The cache for these weights: beside them, then the user's cache folder, unless <paramref name="folders"/> says otherwise.</summary>
    public static Int8ModelCache CacheFor(string weightsPath, int weightLimit, bool unpadded, IReadOnlyList<string>? folders = null) =>
        new(weightsPath, ModelName, Scheme(weightLimit, unpadded), folders ?? [Path.GetDirectoryName(Path.GetFullPath(weightsPath))!, UserCacheFolder()]);

    /// <summary>
    /// The fp32 graph with its unused pooler output removed, its attention blocks fused, and every constant-weight MatMul
    /// in int8. <paramref name="unpadded"/> drops the padding mask, for a model that is only ever given one text at a time.
    /// </summary>
    public static ModelProto Rewrite(Stream fp32Model, int weightLimit, bool unpadded, string sourceHash)
    {
        var model = ModelProto.Parser.ParseFrom(fp32Model);
        GraphPruner.KeepOutputs(model.Graph, "last_hidden_state");
        var fused = AttentionFusion.Fuse(model.Graph, unpadded);
        OnnxInt8Rewriter.ImportMicrosoftOperators(model);
        var quantized = OnnxInt8Rewriter.Rewrite(model, weightLimit, KeptInFp32);
        model.MetadataProps.Add(new StringStringEntryProto { Key = "ragpapers.source_sha256_prefix", Value = sourceHash });
        model.MetadataProps.Add(new StringStringEntryProto
        {
            Key = "ragpapers.rewrite",
            Value = $"version {RewriterVersion}: {fused} attention blocks fused{(unpadded ? " without padding mask" : string.Empty)}, {quantized} MatMul in int8 (weights per column within ±{weightLimit}), {string.Join(" and ", KeptInFp32)} kept in fp32",
        });
        return model;
    }

    private static string Scheme(int weightLimit, bool unpadded) => $"int8-r{RewriterVersion}w{weightLimit}{(unpadded ? "u" : "m")}";

    // XDG's cache folder on Linux (~/.cache), the local application data folder elsewhere.
    private static string UserCacheFolder()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) ? xdg
            : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "ragpapers", "models");
    }
}
