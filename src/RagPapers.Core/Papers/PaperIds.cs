using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace RagPapers.Papers;

/// <summary>Stable paper ids: the arXiv id when known, else a hash of the normalized title, so one paper in two files is one paper.</summary>
public static partial class PaperIds
{
    /// <summary>The id for a paper with an arXiv id ("2406.01234", "arXiv:2406.01234v2", "hep-th/9901001").</summary>
    public static string FromArxivId(string arxivId)
    {
        var id = arxivId.Trim();
        if (id.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase))
        {
            id = id[6..];
        }

        return VersionSuffix().Replace(id, "");
    }

    /// <summary>The id for a paper known only by title: "t-" and 16 hex digits of SHA-256 over the normalized title.</summary>
    public static string FromTitle(string title)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(NormalizeTitle(title)));
        return "t-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>Lower case, letters and digits only, single spaces: "Barlow Twins: Self-Supervised…" → "barlow twins self supervised…".</summary>
    public static string NormalizeTitle(string title) =>
        NonWord().Replace(title.ToLowerInvariant(), " ").Trim();

    /// <summary>Whether <paramref name="text"/> looks like an arXiv id (new or old style).</summary>
    public static bool IsArxivId(string text) => ArxivId().IsMatch(text.Trim());

    [GeneratedRegex(@"v\d+$")]
    private static partial Regex VersionSuffix();

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"^(arxiv:)?(\d{4}\.\d{4,5}|[a-z\-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivId();
}
