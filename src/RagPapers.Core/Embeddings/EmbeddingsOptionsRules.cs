using Microsoft.Extensions.Options;
using RagPapers.Configuration;

namespace RagPapers.Embeddings;

/// <summary>
/// The cross-field rules of Embeddings:*: a provider this program carries (built in, or an add-on assembly the
/// front-end registered, such as AddMiniLmEmbedder), and with "OpenAI" an Endpoint and a Model.
/// </summary>
internal sealed class EmbeddingsOptionsRules(IEnumerable<EmbeddingProviderRegistration> addOns) : IValidateOptions<EmbeddingsOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingsOptions options)
    {
        if (options.Provider == EmbeddingsOptions.OpenAIProvider)
        {
            return EndpointRules.Check(EmbeddingsOptions.Section, options.Endpoint, options.Model, "text-embedding-3-small\", \"nomic-embed-text");
        }

        string[] known = [EmbeddingsOptions.LocalProvider, EmbeddingsOptions.OpenAIProvider, .. addOns.Select(a => a.Name)];
        if (known.Contains(options.Provider, StringComparer.Ordinal))
        {
            return ValidateOptionsResult.Success;
        }

        // An add-on the front-end did not register is named as missing, not as a typo.
        var choices = string.Join(", ", known.Select(k => $"\"{k}\""));
        return options.Provider == EmbeddingsOptions.MiniLMProvider
            ? ValidateOptionsResult.Fail($"Embeddings:Provider 'MiniLM' is not available in this program (it needs RagPapers.Embeddings.MiniLM, and MiniLM is the default when the setting is absent); set Embeddings:Provider to one of {choices}.")
            : ValidateOptionsResult.Fail($"Embeddings:Provider '{options.Provider}' is not available in this build; set Embeddings:Provider to one of {choices}.");
    }
}
