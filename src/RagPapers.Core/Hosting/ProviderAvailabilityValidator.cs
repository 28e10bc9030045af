using Microsoft.Extensions.Options;
using RagPapers.Embeddings;

namespace RagPapers.Hosting;

/// <summary>
/// Cross-field rules on the provider switches: a provider the design names but this build does not
/// carry yet is refused at start-up with what to set instead, rather than failing on first use.
/// </summary>
internal sealed class ProviderAvailabilityValidator(IEnumerable<EmbeddingProviderRegistration> addOns) :
    IValidateOptions<StoreOptions>, IValidateOptions<EmbeddingsOptions>, IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options) =>
        options.Provider is "Sqlite" or "Qdrant"
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Store:Provider '{options.Provider}' is not available in this build; set Store:Provider to \"Sqlite\" or \"Qdrant\".");

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

    public ValidateOptionsResult Validate(string? name, ChatOptions options) =>
        options.Provider is ChatOptions.NoneProvider or ChatOptions.OpenAIProvider
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Chat:Provider '{options.Provider}' is not available in this build; set Chat:Provider to \"None\" (extractive) or \"OpenAI\".");
}
