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

        // A one-shot hybrid search waits for this whole load before its dense half can start: the tokenizer (about
        // 0.1 s) is built on the other core while ONNX Runtime starts (0.5-0.7 s).
        var tokenizer = Task.Run(() =>
        {
            using var vocabulary = new MemoryStream(weights.ReadVocabulary(), writable: false);
            return BertTokenizer.Create(vocabulary);
        });
        var session = options.Int8 ? Int8Session(weights, options) : CreateSession(ModelSource.InMemory(weights.ReadModel()), options);
        return new MiniLmModel(session, tokenizer.GetAwaiter().GetResult(), options);
    }

    /// <summary>
    /// ONNX Runtime on the cached int8 rewrite. Hashing the 90 MB source only confirms which rewrite is current (0.1-0.2 s
    /// of a one-shot search's critical path), so the rewrite found by name is opened meanwhile, and dropped for the
    /// slow path (a rewrite made now) when the hash says it belongs to another source.
    /// </summary>
    private static InferenceSession Int8Session(MiniLmWeights weights, MiniLmRuntimeOptions options)
    {
        var cache = MiniLmInt8.CacheFor(weights.Path, options.WeightLimit, options.Unpadded, options.CacheFolders);
        var hash = Task.Run(cache.SourceHash);
        if (cache.Candidate() is { } candidate && TryCreateSession(candidate, options) is { } session)
        {
            if (cache.IsRewriteOf(candidate, hash.GetAwaiter().GetResult()))
            {
                return session;
            }

            session.Dispose();
        }

        var source = cache.GetOrCreate(
            sourceHash =>
            {
                using var fp32 = weights.OpenModel();
                return MiniLmInt8.Rewrite(fp32, options.WeightLimit, options.Unpadded, sourceHash);
            },
            sourceHash: hash.GetAwaiter().GetResult());
        return CreateSession(source, options);
    }

    // A candidate another process removed as stale, or cannot be read, is no rewrite to use: the slow path decides.
    private static InferenceSession? TryCreateSession(string path, MiniLmRuntimeOptions options)
    {
        try
        {
            return CreateSession(ModelSource.FromFile(path), options);
        }
        catch (OnnxRuntimeException)
        {
            return null;
        }
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
