using RagPapers.Papers;
using RagPapers.Server.Contracts;
using RagPapers.Storage;

namespace RagPapers.Server.Papers;

/// <summary>
/// Pages through the stored papers, newest first, optionally narrowed by a query whose every word must occur in
/// the title, an author name or the id (case-insensitive). For ranked retrieval there is /api/search.
/// </summary>
public static class PaperListing
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 100_000;

    public static async Task<PaperPage> PageAsync(IPaperIndex index, string? query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        var words = string.IsNullOrWhiteSpace(query) ? [] : query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var skip = (long)(page - 1) * pageSize;
        var items = new List<PaperSummary>(pageSize);
        var total = 0;
        await foreach (var paper in index.ListPapersAsync(cancellationToken))
        {
            if (!words.All(word => Mentions(paper, word)))
            {
                continue;
            }

            if (total >= skip && items.Count < pageSize)
            {
                items.Add(PaperSummary.From(paper));
            }

            total++;
        }

        return new PaperPage(string.IsNullOrWhiteSpace(query) ? null : query, page, pageSize, total, items);
    }

    private static bool Mentions(Paper paper, string word) =>
        paper.Title.Contains(word, StringComparison.OrdinalIgnoreCase)
        || paper.Id.Equals(word, StringComparison.OrdinalIgnoreCase)
        || paper.Authors.Any(author => author.Contains(word, StringComparison.OrdinalIgnoreCase));
}
