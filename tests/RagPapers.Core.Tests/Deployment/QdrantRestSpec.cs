using System.Text.Json.Nodes;
using NJsonSchema;

namespace RagPapers.Core.Tests.Deployment;

/// <summary>
/// Qdrant's REST OpenAPI 3.0 document (the README's admin commands use REST) as JSON Schema: every component schema plus, per operation id, its request body
/// ("request:ID") and its 200 reply ("response:ID"). OpenAPI's <c>nullable</c> is rewritten first: a bare
/// <c>{"nullable": true}</c> inside anyOf (meaning "or null") becomes <c>{"type": "null"}</c>, and
/// <c>{"type": T, "nullable": true}</c> becomes <c>{"type": [T, "null"]}</c>; a plain validator would read the
/// former as "anything".
/// </summary>
internal sealed class QdrantRestSpec
{
    private static readonly Lazy<Task<QdrantRestSpec>> Shared = new(() => LoadAsync(SpecLocator.QdrantSpecPath()));

    private readonly JsonSchema _root;

    private QdrantRestSpec(JsonSchema root) => this._root = root;

    /// <summary>The spec, loaded once per process (about half a second).</summary>
    public static Task<QdrantRestSpec> GetAsync() => Shared.Value;

    public static async Task<QdrantRestSpec> LoadAsync(string path)
    {
        var spec = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        var definitions = spec["components"]!["schemas"]!.DeepClone().AsObject();
        foreach (var (_, item) in spec["paths"]!.AsObject())
        {
            foreach (var (_, operation) in item!.AsObject())
            {
                if (operation?["operationId"]?.GetValue<string>() is not { } id)
                {
                    continue;
                }

                if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } request)
                {
                    definitions["request:" + id] = request.DeepClone();
                }

                if (operation["responses"]?["200"]?["content"]?["application/json"]?["schema"] is { } response)
                {
                    definitions["response:" + id] = response.DeepClone();
                }
            }
        }

        Rewrite(definitions);
        return new QdrantRestSpec(await JsonSchema.FromJsonAsync(new JsonObject { ["definitions"] = definitions }.ToJsonString()));
    }

    /// <summary>The violations of <paramref name="json"/> against the request body of <paramref name="operationId"/>; empty when valid.</summary>
    public IReadOnlyList<string> ValidateRequest(string operationId, string json) => Validate("request:" + operationId, json);

    /// <summary>The violations of a 200 reply of <paramref name="operationId"/>.</summary>
    public IReadOnlyList<string> ValidateResponse(string operationId, string json) => Validate("response:" + operationId, json);

    /// <summary>The violations of an error reply (the spec's ErrorResponse).</summary>
    public IReadOnlyList<string> ValidateError(string json) => Validate("ErrorResponse", json);

    public bool HasRequestBody(string operationId) => _root.Definitions.ContainsKey("request:" + operationId);

    private IReadOnlyList<string> Validate(string definition, string json)
    {
        if (!_root.Definitions.TryGetValue(definition, out var schema))
        {
            return [$"the spec has no schema {definition}"];
        }

        return [.. schema.Validate(json).Select(e => e.ToString().ReplaceLineEndings(" "))];
    }

    private static void Rewrite(JsonNode node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is not null)
                {
                    Rewrite(item);
                }
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        if (obj["$ref"] is JsonValue reference)
        {
            obj["$ref"] = reference.GetValue<string>().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
        }

        if (obj["nullable"] is JsonValue nullable)
        {
            obj.Remove("nullable");
            if (nullable.GetValue<bool>())
            {
                obj["type"] = obj["type"] is JsonValue type ? new JsonArray(type.GetValue<string>(), "null") : "null";
            }
        }

        foreach (var (_, child) in obj.ToList())
        {
            if (child is not null)
            {
                Rewrite(child);
            }
        }
    }
}
