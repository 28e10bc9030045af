using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RagPapers.Testing.OpenAi;

/// <summary>
/// The embeddings response: one unit vector per input, derived from the text's SHA-256 so equal texts get equal
/// vectors; base64 (little-endian float32) when the request asks for it, as the .NET SDK always does, else floats.
/// </summary>
public static class EmbeddingReply
{
    public static JsonObject Create(JsonElement request, int dimensions)
    {
        var input = request.GetProperty("input");
        var texts = input.ValueKind == JsonValueKind.String ? [input.GetString()!] : input.EnumerateArray().Select(e => e.GetString()!).ToArray();
        var base64 = request.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < texts.Length; i++)
        {
            var vector = Vector(texts[i], dimensions);
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray()))
                : new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        return new JsonObject
        {
            ["object"] = "list", ["data"] = data, ["model"] = request.GetProperty("model").GetString(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = texts.Length, ["total_tokens"] = texts.Length },
        };
    }

    public static float[] Vector(string text, int dimensions)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = (hash[i % hash.Length] - 127.5f) * (1 + (i / hash.Length));
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }
}
