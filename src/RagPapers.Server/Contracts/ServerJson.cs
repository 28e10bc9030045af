using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace RagPapers.Server.Contracts;

/// <summary>The JSON settings of everything the server writes: readable non-ASCII text, HTML-sensitive characters escaped.</summary>
internal static class ServerJson
{
    /// <summary>
    /// The default encoder's escaping of &lt; &gt; &amp; ' " + ` (so an abstract's "&lt;script&gt;" never reaches a
    /// client raw, whatever the client does with it), without escaping letters of other scripts ("é", not \u00E9).
    /// </summary>
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static ServerJsonContext Context { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = Encoder,
    });
}
