using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RagPapers.Papers;

/// <summary>Content hashes that tell ingestion whether a stored paper changed.</summary>
public static class PaperHashing
{
    /// <summary>
    /// SHA-256 (lower-case hex) over title, abstract, authors and publication date. The source file is left out
    /// on purpose: moving a paper to another file does not make it a new version worth re-embedding.
    /// </summary>
    public static string ContentHash(Paper paper)
    {
        var text = paper.Title + "\n" + paper.Abstract + "\n" + string.Join("; ", paper.Authors) + "\n"
            + paper.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
