namespace RagPapers.Papers;

/// <summary>One research paper as read from a collection file.</summary>
/// <param name="Id">Stable id: the arXiv id when known, else derived from the normalized title (see <see cref="PaperIds"/>).</param>
/// <param name="Source">The collection file's name (no directory) the paper was read from.</param>
public sealed record Paper(
    string Id,
    string Title,
    string Abstract,
    IReadOnlyList<string> Authors,
    DateOnly? Published,
    string Source,
    string? ArxivId = null);
