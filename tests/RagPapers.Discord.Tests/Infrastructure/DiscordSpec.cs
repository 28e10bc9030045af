using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>
/// Discord's official OpenAPI 3.1 document (../shared/specs/discord-openapi.json): finds the operation a request
/// is for and validates its JSON body against the operation's requestBody schema with JsonSchema.Net (draft
/// 2020-12, the dialect of OpenAPI 3.1, so `type: ["string", "null"]` needs no rewriting). The only rewrite is
/// moving components/schemas under $defs, so "#/components/schemas/X" references resolve inside one schema.
/// </summary>
public sealed class DiscordSpec
{
    private static readonly Lazy<DiscordSpec?> Shared = new(Load);

    private readonly JsonObject _paths;
    private readonly JsonNode _schemas;
    private readonly ConcurrentDictionary<string, JsonSchema?> _bodySchemas = new();

    private DiscordSpec(JsonNode document)
    {
        _paths = document["paths"]!.AsObject();
        _schemas = document["components"]!["schemas"]!;
    }

    public static string SpecPath => Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "specs", "discord-openapi.json"));

    /// <summary>The spec, or null when the file is absent (then only our own limit checks run).</summary>
    public static DiscordSpec? Instance => Shared.Value;

    /// <summary>The operation id for <paramref name="method"/> on <paramref name="path"/> (relative to /api/v10), preferring the most literal template ("@original" over "{message_id}").</summary>
    public string? FindOperationId(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        return _paths
            .Where(p => Matches(p.Key, segments) && p.Value?[method.ToLowerInvariant()] is JsonObject)
            .OrderByDescending(p => p.Key.Split('/').Count(s => !s.StartsWith('{')))
            .Select(p => p.Value![method.ToLowerInvariant()]!["operationId"]!.GetValue<string>())
            .FirstOrDefault();
    }

    /// <summary>Schema violations of <paramref name="body"/> for the operation; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(string method, string path, string body)
    {
        var operationId = FindOperationId(method, path) ?? throw new InvalidOperationException($"{method} {path} is not an operation of Discord's API");
        var schema = _bodySchemas.GetOrAdd(operationId, _ => BuildBodySchema(method, path));
        if (schema is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(body);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{operationId} {d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}"))
                .DefaultIfEmpty($"{operationId}: invalid").ToArray();
    }

    private JsonSchema? BuildBodySchema(string method, string path)
    {
        var template = _paths.Where(p => Matches(p.Key, path.Trim('/').Split('/')) && p.Value?[method.ToLowerInvariant()] is JsonObject)
            .OrderByDescending(p => p.Key.Split('/').Count(s => !s.StartsWith('{'))).First();
        var bodySchema = template.Value![method.ToLowerInvariant()]!["requestBody"]?["content"]?["application/json"]?["schema"];
        if (bodySchema is null)
        {
            return null;
        }

        var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema" };
        foreach (var (key, value) in bodySchema.AsObject())
        {
            root[key] = value?.DeepClone();
        }

        root["$defs"] = _schemas.DeepClone();
        var text = root.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static bool Matches(string template, string[] segments)
    {
        var parts = template.Trim('/').Split('/');
        return parts.Length == segments.Length && parts.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second);
    }

    private static DiscordSpec? Load() =>
        File.Exists(SpecPath) ? new DiscordSpec(JsonNode.Parse(File.ReadAllText(SpecPath))!) : null;
}
