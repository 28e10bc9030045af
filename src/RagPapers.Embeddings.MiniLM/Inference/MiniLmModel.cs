using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace RagPapers.Embeddings.MiniLM.Inference;

/// <summary>
/// all-MiniLM-L6-v2 as sentence-transformers runs it: uncased WordPiece, at most 256 tokens with [CLS] and
/// [SEP], the six-layer encoder, mean pooling over the attention mask, L2 normalization.
/// </summary>
internal sealed class MiniLmModel : IDisposable
{
    public const int Dimensions = 384;

    // The model's max_seq_length: longer texts are cut, as sentence-transformers does.
    public const int MaxTokens = 256;

    private const long ClsId = 101;
    private const long SepId = 102;

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly MiniLmRuntimeOptions _options;
    private readonly ConcurrentBag<BatchBuffers> _buffers = [];

    public MiniLmModel(InferenceSession session, BertTokenizer tokenizer, MiniLmRuntimeOptions options)
    {
        _session = session;
        _tokenizer = tokenizer;
        _options = options;
    }

    /// <summary>Unit-length vectors, one per text, in the order given.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var ids = new long[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            ids[i] = Tokenize(texts[i]);
        }

        var batches = TokenBatches.Plan([.. ids.Select(t => t.Length)], _options.Unpadded ? 1 : Math.Max(_options.BatchTokens, MaxTokens));
        var vectors = new float[texts.Count][];
        var next = -1;
        void Work()
        {
            var buffers = _buffers.TryTake(out var pooled) ? pooled : new BatchBuffers(Math.Max(_options.BatchTokens, MaxTokens));
            try
            {
                for (var b = Interlocked.Increment(ref next); b < batches.Count && !cancellationToken.IsCancellationRequested; b = Interlocked.Increment(ref next))
                {
                    var batch = batches[b];
                    var pooledVectors = buffers.Run(_session, [.. batch.Select(i => ids[i])]);
                    for (var row = 0; row < batch.Length; row++)
                    {
                        vectors[batch[row]] = pooledVectors[row];
                    }
                }
            }
            finally
            {
                _buffers.Add(buffers);
            }
        }

        // Several batches at once, each on one thread: more work per core than splitting one batch's operators.
        var streams = Math.Clamp(_options.Streams, 1, batches.Count);
        if (streams == 1)
        {
            Work();
        }
        else
        {
            try
            {
                Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = streams }, [.. Enumerable.Repeat(Work, streams)]);
            }
            catch (AggregateException e)
            {
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return vectors;
    }

    public void Dispose()
    {
        if (_options.ProfilePrefix is not null)
        {
            _session.EndProfiling();
        }

        _session.Dispose();
    }

    private long[] Tokenize(string text)
    {
        var pieces = _tokenizer.EncodeToIds(text, MaxTokens - 2, addSpecialTokens: false, out _, out _);
        var ids = new long[pieces.Count + 2];
        ids[0] = ClsId;
        for (var i = 0; i < pieces.Count; i++)
        {
            ids[i + 1] = pieces[i];
        }

        ids[^1] = SepId;
        return ids;
    }
}
