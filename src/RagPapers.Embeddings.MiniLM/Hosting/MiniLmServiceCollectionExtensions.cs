using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagPapers.Embeddings.MiniLM.Inference;

namespace RagPapers.Embeddings.MiniLM.Hosting;

public static class MiniLmServiceCollectionExtensions
{
    // Both chosen on SciFact train (docs/benchmarks.md). Fusion at RRF k 10: 0.6 scores nDCG@10 0.731 against
    // 0.711 for BM25 alone and 0.721 at the local embedder's 0.9. "Found nothing": MiniLM's cosines run higher
    // than the hashed embedder's, so at the local 0.35 13% of off-topic questions get an answer; 0.5 has the
    // lowest sum of false refusals (3.0% of train claims) and false answers (3.3% of off-topic questions).
    // Re-checked for the int8 model (issue 13): train nDCG@10 0.7316 at 0.6 (fp32 0.7306); at 0.5 the only threshold
    // with both error rates within 4% on train (2.7% and 3.3%).
    public const double KeywordWeight = 0.6;
    public const double MinRelevance = 0.5;

    // Questions remembered with their vectors: 1.5 kB each, so 1,024 of them hold 1.6 MB.
    private const int RecentQuestions = 1024;

    /// <summary>Makes Embeddings:Provider "MiniLM" available: all-MiniLM-L6-v2, in process, offline.</summary>
    public static IServiceCollection AddMiniLmEmbedder(this IServiceCollection services)
    {
        services.AddSingleton(new EmbeddingProviderRegistration(
            EmbeddingsOptions.MiniLMProvider, _ => new QuestionEmbeddingCache(new MiniLmEmbeddingGenerator(), RecentQuestions), KeywordWeight, MinRelevance));
        services.AddSingleton<IValidateOptions<EmbeddingsOptions>, MiniLmWeightsValidator>();
        return services;
    }
}
