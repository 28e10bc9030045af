using System.Globalization;
using RagPapers.Papers;

namespace RagPapers.Discord.Rendering;

/// <summary>How a paper is pointed at in a message: its date, and an arXiv link when it has one, else its source file.</summary>
internal static class PaperLinks
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    // An id that passes IsArxivId holds only letters, digits, '.', '-' and '/', all safe in a URL path; escaping
    // would turn the '/' of old-style ids ("hep-th/9901001") into %2F, which arXiv does not resolve.
    public static string? ArxivUrl(string paperId) =>
        PaperIds.IsArxivId(paperId) ? "https://arxiv.org/abs/" + paperId : null;

    /// <summary>"[arXiv:2308.06534](https://arxiv.org/abs/2308.06534)" or the escaped source file name.</summary>
    public static string Where(string paperId, string source) =>
        ArxivUrl(paperId) is { } url ? $"[arXiv:{paperId}]({url})" : DiscordMarkdown.Escape(source);
}
