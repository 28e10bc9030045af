using Microsoft.Extensions.Options;

namespace RagPapers.Configuration;

/// <summary>
/// The rules every OpenAI-compatible section shares (Chat:*, Embeddings:*): with Provider "OpenAI" it must name
/// an absolute http(s) Endpoint and a Model. Checked at start-up so a typo stops the program with the setting's
/// path instead of failing on the first question.
/// </summary>
internal static class EndpointRules
{
    public static ValidateOptionsResult Check(string section, string endpoint, string model, string modelExamples)
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
