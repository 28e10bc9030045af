using System.Text.Encodings.Web;
using System.Text.Json;

namespace RagPapers.Server.Contracts;

/// <summary>The JSON metadata for what the server writes by hand (SSE event data), with readable non-ASCII text.</summary>
internal static class ServerJson
{
    public static ServerJsonContext Context { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
