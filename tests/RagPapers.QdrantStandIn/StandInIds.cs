using System.Text.Json;
using System.Text.Json.Nodes;

namespace RagPapers.Testing.Qdrant;

/// <summary>Point ids as Qdrant reads them: an unsigned integer, or a UUID in any of its spellings (kept as lower-case hyphenated).</summary>
internal static class StandInIds
{
    public static string Canonical(JsonNode id)
    {
        if (id.GetValueKind() == JsonValueKind.Number)
        {
            return id.GetValue<ulong>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var text = id.GetValue<string>();
        return Guid.TryParse(text.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) ? text[9..] : text, out var uuid)
            ? uuid.ToString("D")
            : throw StandInError.BadRequest($"Unable to parse UUID: {text}");
    }

    /// <summary>The id as Qdrant writes it back: a number, or the hyphenated UUID string.</summary>
    public static JsonNode Node(string canonical) =>
        ulong.TryParse(canonical, out var number) ? JsonValue.Create(number) : JsonValue.Create(canonical);

    /// <summary>Integers before UUIDs, each in natural order, as Qdrant scrolls.</summary>
    public static int CompareForScroll(string a, string b)
    {
        var aNumber = ulong.TryParse(a, out var x);
        var bNumber = ulong.TryParse(b, out var y);
        return aNumber && bNumber ? x.CompareTo(y) : aNumber != bNumber ? (aNumber ? -1 : 1) : string.CompareOrdinal(a, b);
    }
}
