using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RagPapers.Storage;

namespace RagPapers.Embeddings;

/// <summary>
/// The offline embedder: no weights, no download, the same vector for the same text on every machine.
/// </summary>
/// <remarks>
/// Why it works without a model: a text becomes a sparse bag of features — its content terms
/// (<see cref="RagPapers.Text.TextAnalyzer.Terms"/>: lower-cased, stemmed, stop words dropped), the
/// bigrams of consecutive terms, and the character 3- to 5-grams of each term inside boundary markers
/// ("&lt;diffu", "sion&gt;"), which let "generating"/"generation" or a misspelling still share most
/// features. Each feature is hashed with a stable hash (FNV-1a + a 64-bit mixer, never the per-process
/// randomized string.GetHashCode) to one of <c>Dimensions</c> buckets and to a sign drawn from other
/// hash bits. This signed hashing trick is a sparse random projection: collisions cancel out in
/// expectation, so the dot product of two hashed vectors approximates the cosine of the two sparse
/// feature vectors. Counts are damped to 1 + ln(tf); each group is scaled to unit length and weighted
/// (words 1.0, char-grams 0.8, bigrams 0.2: measured on SciFact) so the hundreds of char-grams of a
/// passage cannot outvote its few dozen words; the sum is L2-normalized, which makes the dot product the
/// cosine. More dimensions mean fewer collisions: 1024 instead of 512 lifted dense nDCG@10 on SciFact
/// train from 0.50 to 0.55, at twice the storage and scan time. It captures lexical and
/// morphological overlap, not synonyms: that is what BM25 fusion and an optional neural embedder are for.
/// </remarks>
public sealed class LocalEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ProviderName = "ragpapers-local";

    /// <summary>The feature recipe's version; bumped whenever a vector for the same text would change, so stored vectors are never mixed.</summary>
    public const string ModelId = "hashed-ngrams-v1";

    // Below this batch size a thread hop costs more than it saves.
    private const int ParallelThreshold = 64;

    private readonly EmbeddingGeneratorMetadata _metadata;

    public LocalEmbeddingGenerator(IOptions<EmbeddingsOptions> options)
    {
        Dimensions = options.Value.Dimensions;
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, ModelId, Dimensions);
        Descriptor = new EmbedderDescriptor($"{ProviderName}/{ModelId}", Dimensions);
    }

    public int Dimensions { get; }

    /// <summary>What a store records about these vectors: "ragpapers-local/hashed-ngrams-v1" and the dimensions.</summary>
    public EmbedderDescriptor Descriptor { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        cancellationToken.ThrowIfCancellationRequested();
        var texts = values as IReadOnlyList<string> ?? [.. values];
        var dimensions = options?.Dimensions ?? Dimensions;
        var vectors = new float[texts.Count][];
        if (texts.Count < ParallelThreshold)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                vectors[i] = Embed(texts[i], dimensions);
            }
        }
        else
        {
            var parallel = new ParallelOptions { CancellationToken = cancellationToken };
            Parallel.For(0, texts.Count, parallel, i => vectors[i] = Embed(texts[i], dimensions));
        }

        return Task.FromResult(InProcessEmbedding.ToEmbeddings(vectors, ModelId));
    }

    /// <summary>The unit-length vector of one text, synchronously (all zeros when the text has no content terms).</summary>
    public float[] Embed(string text) => Embed(text, Dimensions);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        InProcessEmbedding.GetService(this, _metadata, serviceType, serviceKey);

    public void Dispose()
    {
        // Nothing to release: the embedder holds no native or pooled resources between calls.
    }

    private static float[] Embed(string text, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[dimensions];
        HashedNgramFeatures.Embed(text, vector);
        return vector;
    }
}
