using RagPapers.Papers;

namespace RagPapers.Server.Contracts;

/// <summary>One page of GET /api/papers, newest first; <paramref name="Total"/> counts every match.</summary>
public sealed record PaperPage(string? Query, int Page, int PageSize, int Total, IReadOnlyList<PaperSummary> Items);

/// <summary>A paper in a listing, without its abstract.</summary>
public sealed record PaperSummary(string Id, string Title, DateOnly? Date, string Source, IReadOnlyList<string> Authors)
{
    public static PaperSummary From(Paper paper) => new(paper.Id, paper.Title, paper.Published, paper.Source, paper.Authors);
}
