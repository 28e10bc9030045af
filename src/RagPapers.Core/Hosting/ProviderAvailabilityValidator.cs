using Microsoft.Extensions.Options;
using RagPapers.Embeddings;

namespace RagPapers.Hosting;

/// <summary>
/// The embedder switch against the embedders this program carries: the add-on ones exist only when the front-end
/// registered them, so this rule needs DI. Store:Provider and Chat:Provider have fixed choices, checked by their
/// options' own rules (one message each, not two).
/// </summary>
internal sealed class ProviderAvailabilityValidator(IEnumerable<EmbeddingProviderRegistration> addOns) : IValidateOptions<EmbeddingsOptions>
{
    // Both OpenAI-compatible providers are built (Answering/Llm, Embeddings/OpenAICompatibleEmbedder); their
    // Endpoint and Model rules live in EndpointOptionsValidator. Other embedders come from add-on assemblies
    // that the front-end registered (AddMiniLmEmbedder); one it did not is named as missing, not as a typo.
    public ValidateOptionsResult Validate(string? name, EmbeddingsOptions options)
    {
        string[] known = [EmbeddingsOptions.LocalProvider, EmbeddingsOptions.OpenAIProvider, .. addOns.Select(a => a.Name)];
        if (known.Contains(options.Provider, StringComparer.Ordinal))
        {
            return ValidateOptionsResult.Success;
        }

        var choices = string.Join(", ", known.Select(k => $"\"{k}\""));
        return options.Provider == EmbeddingsOptions.MiniLMProvider
            ? ValidateOptionsResult.Fail($"Embeddings:Provider 'MiniLM' is not available in this program (it needs RagPapers.Embeddings.MiniLM, and MiniLM is the default when the setting is absent); set Embeddings:Provider to one of {choices}.")
            : ValidateOptionsResult.Fail($"Embeddings:Provider '{options.Provider}' is not available in this build; set Embeddings:Provider to one of {choices}.");
    }
}
