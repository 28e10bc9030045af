using RagPapers.Papers;

namespace RagPapers.Server.Contracts;

/// <summary>A paper as stored: GET /api/papers/{id}.</summary>
public sealed record PaperDto(string Id, string Title, string Abstract, IReadOnlyList<string> Authors, DateOnly? Date, string Source, string? ArxivId)
{
    public static PaperDto From(Paper paper) =>
        new(paper.Id, paper.Title, paper.Abstract, paper.Authors, paper.Published, paper.Source, paper.ArxivId);
}
