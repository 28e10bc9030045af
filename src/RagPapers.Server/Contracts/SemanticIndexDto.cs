using RagPapers.Indexing;

namespace RagPapers.Server.Contracts;

/// <summary>
/// The semantic index in /health: <paramref name="Search"/> is "keyword" while vectors are computed in the background
/// (answers then carry a notice) and "hybrid" once they are all there; <paramref name="Embedded"/> of
/// <paramref name="Total"/> chunks have their vector (null for a store that takes its vectors during ingestion);
/// <paramref name="Problem"/> says why the indexer waits to retry, when it does.
/// </summary>
public sealed record SemanticIndexDto(string Search, bool Complete, int? Embedded, int? Total, string? Problem)
{
    public static SemanticIndexDto From(SemanticIndexStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Deferred
            ? new(status.IsComplete ? "hybrid" : "keyword", status.IsComplete, status.Embedded, status.Total, status.Problem)
            : new("hybrid", Complete: true, null, null, null);
    }
}
