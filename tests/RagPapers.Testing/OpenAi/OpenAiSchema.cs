using System.Text.Json.Nodes;
using NJsonSchema;

namespace RagPapers.Testing.OpenAi;

/// <summary>
/// Request schemas of the OpenAI API from ../shared/specs/openai-openapi.json, for validating what our client sends.
/// NJsonSchema resolves "#/definitions/…" but not refs into an OpenAPI document's "#/components/schemas/…", so the
/// schemas are moved under "definitions" (and every $ref rewritten) before loading; the content is unchanged.
/// </summary>
public static class OpenAiSchema
{
    private static readonly Lazy<JsonNode> Schemas = new(LoadSchemas);
    private static readonly Lazy<JsonSchema> ChatRequest = new(() => Load("CreateChatCompletionRequest"));
    private static readonly Lazy<JsonSchema> EmbeddingRequest = new(() => Load("CreateEmbeddingRequest"));

    public static string SpecPath { get; } = FindSpec();

    /// <summary>Loads both schemas (about two seconds, once per process) so no request waits for them: tests with short timeouts stay exact.</summary>
    public static void Warm()
    {
        _ = ChatRequest.Value;
        _ = EmbeddingRequest.Value;
    }

    /// <summary>The validation errors of a chat completions request body; empty when it conforms.</summary>
    public static IReadOnlyList<string> ValidateChatRequest(string json) => Validate(ChatRequest.Value, json);

    public static IReadOnlyList<string> ValidateEmbeddingRequest(string json) => Validate(EmbeddingRequest.Value, json);

    private static string[] Validate(JsonSchema schema, string json) =>
        schema.Validate(json).Select(e => e.ToString().ReplaceLineEndings(" ")).ToArray();

    private static JsonSchema Load(string name)
    {
        var wrapper = new JsonObject { ["$ref"] = "#/definitions/" + name, ["definitions"] = Schemas.Value.DeepClone() };
        return JsonSchema.FromJsonAsync(wrapper.ToJsonString()).GetAwaiter().GetResult();
    }

    private static JsonNode LoadSchemas()
    {
        var text = File.ReadAllText(SpecPath).Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
        return JsonNode.Parse(text)!["components"]!["schemas"]!;
    }

    // shared/ sits beside the repository: /work/shared for the main clone, a symlink beside each worktree, a copy in CI.
    private static string FindSpec()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "specs", "openai-openapi.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"openai-openapi.json not found in a shared/specs folder above {AppContext.BaseDirectory}; the stand-in validates every request against it.");
    }
}
