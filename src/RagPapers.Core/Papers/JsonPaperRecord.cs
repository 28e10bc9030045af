using System.Globalization;
using System.Text.Json;

namespace RagPapers.Papers;

/// <summary>
/// One JSON Lines record as a paper. Understands the arXiv metadata snapshot (id, title, abstract, authors as one
/// string, versions, update_date) and the Hugging Face papers API (paper.id, paper.title, paper.summary,
/// paper.authors[].name, paper.publishedAt), with or without the "paper" wrapper.
/// </summary>
internal static class JsonPaperRecord
{
    private static readonly string[] AuthorSeparators = [",", " and "];

    public static ReadResult Parse(string source, int line, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return ReadResult.Skip(source, line, $"broken JSON near character {ex.BytePositionInLine + 1}, record skipped");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ReadResult.Skip(source, line, $"expected a JSON object, found {document.RootElement.ValueKind}");
            }

            try
            {
                return FromObject(source, line, document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // GetString throws this for a string whose \u escapes decode to a lone surrogate ("\ud800").
                return ReadResult.Skip(source, line, "a string holds a \\u escape of a lone surrogate (not valid Unicode), record skipped");
            }
        }
    }

    private static ReadResult FromObject(string source, int line, JsonElement root)
    {
        var paper = root.TryGetProperty("paper", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object ? wrapped : root;
        var title = Collapse(Text(paper, root, "title"));
        if (title.Length == 0)
        {
            return ReadResult.Skip(source, line, "record has no title");
        }

        var abstractText = Collapse(Text(paper, root, "abstract") ?? Text(paper, root, "summary"));
        if (abstractText.Length == 0)
        {
            return ReadResult.Skip(source, line, $"paper \"{title}\" has no abstract");
        }

        var rawId = Text(paper, root, "id")?.Trim();
        var arxivId = rawId is not null && PaperIds.IsArxivId(rawId) ? PaperIds.FromArxivId(rawId) : null;
        var id = arxivId ?? PaperIds.FromTitle(title);
        return ReadResult.Read(new Paper(id, title, abstractText, Authors(paper, root), Published(paper, root), source, arxivId), line);
    }

    private static List<string> Authors(JsonElement paper, JsonElement root)
    {
        if (!TryGet(paper, root, "authors", out var authors))
        {
            return [];
        }

        if (authors.ValueKind == JsonValueKind.String)
        {
            return Collapse(authors.GetString()).Split(AuthorSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        }

        if (authors.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return authors.EnumerateArray()
            .Select(author => author.ValueKind == JsonValueKind.Object ? Text(author, author, "name") : AsText(author))
            .Select(Collapse)
            .Where(name => name.Length > 0)
            .ToList();
    }

    // The first submission is the publication date; update_date (the snapshot's last revision) is the fallback.
    private static DateOnly? Published(JsonElement paper, JsonElement root)
    {
        var firstVersion = TryGet(paper, root, "versions", out var versions) && versions.ValueKind == JsonValueKind.Array
            && versions.GetArrayLength() > 0 && versions[0].ValueKind == JsonValueKind.Object
            ? Text(versions[0], versions[0], "created")
            : null;
        var candidates = new[] { Text(paper, root, "publishedAt"), Text(paper, root, "published"), firstVersion, Text(paper, root, "update_date") };
        return candidates.Select(ParseDate).FirstOrDefault(date => date is not null);
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? DateOnly.FromDateTime(moment.UtcDateTime)
            : null;
    }

    private static string? Text(JsonElement paper, JsonElement root, string name) =>
        TryGet(paper, root, name, out var value) ? AsText(value) : null;

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    // Fields are looked up in the "paper" wrapper first, then at top level, so both API shapes read alike.
    private static bool TryGet(JsonElement paper, JsonElement root, string name, out JsonElement value) =>
        (paper.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        || (root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null);

    private static string Collapse(string? text) => text is null ? "" : Whitespace.Collapse(text);
}
