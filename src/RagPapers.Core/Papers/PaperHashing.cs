using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RagPapers.Papers;

/// <summary>Fingerprints of a paper's content, so ingestion can tell "unchanged" from "updated".</summary>
public static class PaperHashing
{
    // Separators that cannot occur in cleaned text keep ("ab", "c") and ("a", "bc") apart.
    private const char FieldSeparator = '\u001f';
    private const char AuthorSeparator = '\u001e';

    /// <summary>
    /// Lower-case SHA-256 hex over title, abstract, authors and publication date. The source file is left out on
    /// purpose: the same paper bundled in two files must hash the same, or every ingest would flip it.
    /// </summary>
    public static string ContentHash(Paper paper)
    {
        var text = new StringBuilder()
            .Append(paper.Title).Append(FieldSeparator)
            .Append(paper.Abstract).Append(FieldSeparator)
            .AppendJoin(AuthorSeparator, paper.Authors).Append(FieldSeparator)
            .Append(paper.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "")
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Lower-case SHA-256 hex over title and abstract only: two listings of one paper's text.</summary>
    public static string TextHash(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var text = paper.Title + FieldSeparator + paper.Abstract;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
