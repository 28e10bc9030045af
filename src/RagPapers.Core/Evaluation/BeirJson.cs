using System.Text.Json;

namespace RagPapers.Evaluation;

/// <summary>Field access shared by the BEIR corpus and queries readers: ids may be JSON strings or numbers.</summary>
internal static class BeirJson
{
    /// <summary>The field as text (strings as is, numbers as written), or null when absent or of another kind.</summary>
    public static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>Why <paramref name="id"/> cannot be a run-file id, or null when it can: TREC run and qrels files are whitespace-separated.</summary>
    public static string? IdProblem(string? id) => id switch
    {
        null => "has no \"_id\" (a string or number)",
        _ when id.Length == 0 => "has an empty \"_id\"",
        _ when id.Any(char.IsWhiteSpace) => $"has \"_id\" \"{id}\" with whitespace, which a TREC run file cannot carry",
        _ => null,
    };
}
