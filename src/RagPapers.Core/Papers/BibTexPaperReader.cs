using System.Globalization;

namespace RagPapers.Papers;

/// <summary>
/// Reads BibTeX: every entry with a title and an abstract is a paper. Ids come from an arXiv eprint when present,
/// else from the title; the date is year and month (day 1). Entries without an abstract are reported, not guessed.
/// </summary>
public sealed class BibTexPaperReader : IPaperReader
{
    private static readonly string[] ArxivFields = ["eprint", "arxiv", "arxivid", "arxiv_id"];
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public string Format => "bibtex";

    public bool CanRead(string path, string head)
    {
        using var lines = new StringReader(head);
        while (lines.ReadLine() is { } line)
        {
            var trimmed = line.AsSpan().Trim("\uFEFF \t");
            if (trimmed.Length > 0 && trimmed[0] != '%')
            {
                return trimmed[0] == '@';
            }
        }

        return false;
    }

    // Read synchronously, a block at a time, as the parser pulls characters; the entries are handed on as they are parsed.
    public IAsyncEnumerable<ReadResult> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        Read(path, cancellationToken).ToAsyncEnumerable();

    private static IEnumerable<ReadResult> Read(string path, CancellationToken cancellationToken)
    {
        var source = Path.GetFileName(path);
        // Parsed as it is read, an entry at a time: memory stays that of one entry whatever the file's size.
        using var reader = Utf8Text.Open(path);
        foreach (var item in new BibTexParser(reader).Parse())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = item.Entry is { } entry ? ToResult(source, entry) : ReadResult.Skip(source, item.Line, item.Problem ?? "malformed entry");
            yield return result with { BytesRead = reader.BaseStream.Position };
        }
    }

    private static ReadResult ToResult(string source, BibTexEntry entry)
    {
        var title = entry.Fields.TryGetValue("title", out var rawTitle) ? LatexText.ToPlain(rawTitle) : "";
        if (title.Length == 0)
        {
            return ReadResult.Skip(source, entry.Line, $"entry \"{entry.Key}\" has no title");
        }

        var abstractText = entry.Fields.TryGetValue("abstract", out var rawAbstract) ? LatexText.ToPlain(rawAbstract) : "";
        if (abstractText.Length == 0)
        {
            return ReadResult.Skip(source, entry.Line, $"entry \"{entry.Key}\" has no abstract");
        }

        var arxivId = ArxivId(entry);
        var paper = new Paper(arxivId ?? PaperIds.FromTitle(title), title, abstractText, Authors(entry), Published(entry), source, arxivId);
        return ReadResult.Read(paper, entry.Line);
    }

    private static string? ArxivId(BibTexEntry entry)
    {
        foreach (var field in ArxivFields)
        {
            if (entry.Fields.TryGetValue(field, out var value) && PaperIds.IsArxivId(LatexText.ToPlain(value)))
            {
                return PaperIds.FromArxivId(LatexText.ToPlain(value));
            }
        }

        // arXiv DOIs look like 10.48550/arXiv.2401.12345.
        const string ArxivDoi = "10.48550/arxiv.";
        return entry.Fields.TryGetValue("doi", out var doi) && doi.Trim().StartsWith(ArxivDoi, StringComparison.OrdinalIgnoreCase)
            && PaperIds.IsArxivId(doi.Trim()[ArxivDoi.Length..])
            ? PaperIds.FromArxivId(doi.Trim()[ArxivDoi.Length..])
            : null;
    }

    private static List<string> Authors(BibTexEntry entry) =>
        entry.Fields.TryGetValue("author", out var authors)
            ? BibTexNames.Split(authors).Select(BibTexNames.ToDisplayName).Where(name => name.Length > 0).ToList()
            : [];

    private static DateOnly? Published(BibTexEntry entry)
    {
        if (!entry.Fields.TryGetValue("year", out var rawYear)
            || !int.TryParse(LatexText.ToPlain(rawYear), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 1 or > 9999)
        {
            return null;
        }

        return new DateOnly(year, entry.Fields.TryGetValue("month", out var month) ? Month(LatexText.ToPlain(month)) : 1, 1);
    }

    // "jun", "June", "6" and "06" all mean June; anything else falls back to January, as a missing month does.
    private static int Month(string month)
    {
        if (int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number is >= 1 and <= 12 ? number : 1;
        }

        var index = month.Length >= 3 ? Array.IndexOf(Months, month[..3].ToLowerInvariant()) : -1;
        return index >= 0 ? index + 1 : 1;
    }
}
