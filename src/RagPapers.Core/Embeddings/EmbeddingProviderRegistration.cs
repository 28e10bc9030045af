using Microsoft.Extensions.AI;

namespace RagPapers.Embeddings;

/// <summary>
/// An embedder that an add-on assembly contributes under an Embeddings:Provider name, so the core does not
/// carry its dependencies (RagPapers.Embeddings.MiniLM brings ONNX Runtime and 90 MB of weights).
/// </summary>
/// <param name="Name">The Embeddings:Provider value that selects it ("MiniLM").</param>
/// <param name="Create">Builds the embedder; called once, when the provider is the configured one.</param>
/// <param name="KeywordWeight">
/// Retrieval:KeywordWeight when the configuration sets none: the fusion weight measured for this embedder,
/// since the default suits the lexical local embedder and under-uses a neural one.
/// </param>
/// <param name="MinRelevance">
/// Retrieval:MinRelevance when the configuration sets none: relevance mixes in the embedder's cosine, whose
/// spread differs from one embedder to another, so the "found nothing" threshold is calibrated per embedder.
/// </param>
public sealed record EmbeddingProviderRegistration(
    string Name,
    Func<IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>> Create,
    double KeywordWeight,
    double MinRelevance);
