using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RagPapers.Embeddings;

namespace RagPapers.Retrieval;

/// <summary>
/// Gives Retrieval:KeywordWeight and Retrieval:MinRelevance the values measured for the configured add-on
/// embedder when the configuration leaves them unset; a value the user sets always wins.
/// </summary>
/// <remarks>
/// The provider is read from the configuration rather than from validated EmbeddingsOptions, so that a bad
/// Embeddings section fails start-up once, under its own name, and not a second time through this one.
/// </remarks>
internal sealed class EmbedderRetrievalDefaults(
    IConfiguration configuration,
    IEnumerable<EmbeddingProviderRegistration> addOns) : IPostConfigureOptions<RetrievalOptions>
{
    public void PostConfigure(string? name, RetrievalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = configuration[$"{EmbeddingsOptions.Section}:{nameof(EmbeddingsOptions.Provider)}"] ?? EmbeddingsOptions.DefaultProvider;
        var addOn = addOns.FirstOrDefault(a => a.Name == provider);
        if (addOn is null)
        {
            return;
        }

        if (!IsSet(nameof(RetrievalOptions.KeywordWeight)))
        {
            options.KeywordWeight = addOn.KeywordWeight;
        }

        if (!IsSet(nameof(RetrievalOptions.MinRelevance)))
        {
            options.MinRelevance = addOn.MinRelevance;
        }
    }

    private bool IsSet(string key) => configuration[$"{RetrievalOptions.Section}:{key}"] is not null;
}
