using System.Text.RegularExpressions;

namespace RagPapers.Server.Ingesting;

/// <summary>The file name an upload is stored and cited under: the client's, if it is a plain file name.</summary>
public static partial class UploadFileName
{
    /// <summary>
    /// <paramref name="name"/> when it is a plain file name (letters, digits, '.', '_', '-'; up to 100 characters; no
    /// folder), "upload" plus an extension fitting <paramref name="contentType"/> when it is absent, else null.
    /// </summary>
    public static string? From(string? name, string? contentType)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "upload" + ExtensionFor(contentType);
        }

        return PlainName().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal) ? name : null;
    }

    private static string ExtensionFor(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/x-ndjson" or "application/jsonl" or "application/json" => ".jsonl",
        "application/x-bibtex" or "text/x-bibtex" => ".bib",
        _ => ".txt",
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex PlainName();
}
