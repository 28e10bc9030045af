using Microsoft.Extensions.Options;
using RagPapers.Configuration;

namespace RagPapers.Answering.Llm;

/// <summary>
/// The cross-field rule of Chat:*: with "OpenAI" an Endpoint and a Model, refused at start-up with what to set
/// instead rather than failing on the first question. An unknown provider is ChatOptions' own attribute's to report.
/// </summary>
internal sealed class ChatOptionsRules : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options) =>
        options.Provider == ChatOptions.OpenAIProvider
            ? EndpointRules.Check(ChatOptions.Section, options.Endpoint, options.Model, "gpt-4o-mini\", \"llama3.1:8b")
            : ValidateOptionsResult.Success;
}
