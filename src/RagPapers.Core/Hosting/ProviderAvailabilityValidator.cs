using Microsoft.Extensions.Options;

namespace RagPapers.Hosting;

/// <summary>
/// Cross-field rules on the provider switches: a provider the design names but this build does not
/// carry yet is refused at start-up with what to set instead, rather than failing on first use.
/// </summary>
internal sealed class ProviderAvailabilityValidator :
    IValidateOptions<StoreOptions>, IValidateOptions<EmbeddingsOptions>, IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options) =>
        options.Provider is "Sqlite" or "Qdrant"
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Store:Provider '{options.Provider}' is not available in this build; set Store:Provider to \"Sqlite\" or \"Qdrant\".");

    // Both OpenAI-compatible providers are built (Answering/Llm, Embeddings/OpenAICompatibleEmbedder); their
    // Endpoint and Model rules live in EndpointOptionsValidator.
    public ValidateOptionsResult Validate(string? name, EmbeddingsOptions options) =>
        options.Provider is EmbeddingsOptions.LocalProvider or EmbeddingsOptions.OpenAIProvider
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Embeddings:Provider '{options.Provider}' is not available in this build; set Embeddings:Provider to \"Local\" or \"OpenAI\".");

    public ValidateOptionsResult Validate(string? name, ChatOptions options) =>
        options.Provider is ChatOptions.NoneProvider or ChatOptions.OpenAIProvider
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Chat:Provider '{options.Provider}' is not available in this build; set Chat:Provider to \"None\" (extractive) or \"OpenAI\".");
}
