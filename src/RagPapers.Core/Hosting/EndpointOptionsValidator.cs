using Microsoft.Extensions.Options;

namespace RagPapers.Hosting;

/// <summary>
/// Cross-field rules of the OpenAI-compatible providers: with Provider "OpenAI" the section must name an
/// absolute http(s) Endpoint and a Model. Checked at start-up so a typo stops the program with the setting's
/// path instead of failing on the first question.
/// </summary>
internal sealed class EndpointOptionsValidator : IValidateOptions<ChatOptions>, IValidateOptions<EmbeddingsOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options) =>
        options.Provider == ChatOptions.OpenAIProvider
            ? Check(ChatOptions.Section, options.Endpoint, options.Model, "gpt-4o-mini\", \"llama3.1:8b")
            : ValidateOptionsResult.Success;

    public ValidateOptionsResult Validate(string? name, EmbeddingsOptions options) =>
        options.Provider == EmbeddingsOptions.OpenAIProvider
            ? Check(EmbeddingsOptions.Section, options.Endpoint, options.Model, "text-embedding-3-small\", \"nomic-embed-text")
            : ValidateOptionsResult.Success;

    private static ValidateOptionsResult Check(string section, string endpoint, string model, string modelExamples)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            failures.Add($"{section}:Endpoint is required when {section}:Provider is \"OpenAI\": the API's base URL including /v1 (e.g. \"https://api.openai.com/v1\", \"http://localhost:11434/v1\").");
        }
        else if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{section}:Endpoint '{endpoint}' is not an absolute http or https URL (e.g. \"http://localhost:11434/v1\").");
        }

        if (string.IsNullOrWhiteSpace(model))
        {
            failures.Add($"{section}:Model is required when {section}:Provider is \"OpenAI\" (e.g. \"{modelExamples}\").");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
