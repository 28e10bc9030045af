using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;
using RagPapers.Embeddings.MiniLM.Quantization;

namespace RagPapers.Embeddings.MiniLM.Inference;

/// <summary>Opens the weights, finds or makes the int8 model, and starts ONNX Runtime on it.</summary>
internal static class MiniLmModelLoader
{
    public static MiniLmModel Load(string weightsPath, MiniLmRuntimeOptions options)
    {
        var weights = MiniLmWeights.Open(weightsPath);
        using var vocabulary = new MemoryStream(weights.ReadVocabulary(), writable: false);
        var tokenizer = BertTokenizer.Create(vocabulary);
        var source = options.Int8 ? Int8Source(weights, options) : ModelSource.InMemory(weights.ReadModel());
        return new MiniLmModel(CreateSession(source, options), tokenizer, options);
    }

    private static ModelSource Int8Source(MiniLmWeights weights, MiniLmRuntimeOptions options)
    {
        var cache = MiniLmInt8.CacheFor(weights.Path, options.WeightLimit, options.Unpadded, options.CacheFolders);
        return cache.GetOrCreate(hash =>
        {
            using var fp32 = weights.OpenModel();
            return MiniLmInt8.Rewrite(fp32, options.WeightLimit, options.Unpadded, hash);
        });
    }

    private static InferenceSession CreateSession(ModelSource source, MiniLmRuntimeOptions options)
    {
        // No spin-waiting between operators: a question is embedded while the keyword search runs, and ONNX
        // Runtime's default spinning took the other core from it (p50 10.6 ms against 9.0 ms without, on 1,000 SciFact abstracts).
        using var session = new SessionOptions
        {
            IntraOpNumThreads = options.ThreadsPerStream,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        session.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        if (options.ProfilePrefix is { } prefix)
        {
            session.EnableProfiling = true;
            session.ProfileOutputPathPrefix = prefix;
        }

        return source.Path is { } path ? new InferenceSession(path, session) : new InferenceSession(source.Bytes!, session);
    }
}
