using System.Text;
using System.Text.Json;

namespace RagPapers.Storage.Qdrant;

/// <summary>Qdrant's own words from an error reply: <c>status.error</c> of the JSON envelope, else the plain text (401).</summary>
internal static class QdrantErrorText
{
    private const int MaxChars = 500;

    public static string From(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
            {
                return Excerpt(error.GetString()!);
            }
        }
        catch (JsonException)
        {
            // not JSON: Qdrant answers 401 in plain text, and a proxy in front of it may answer in HTML
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        return text.Length == 0 ? "no error text" : Excerpt(text);
    }

    public static string Excerpt(string text) => text.Length <= MaxChars ? text : text[..MaxChars] + "…";
}
