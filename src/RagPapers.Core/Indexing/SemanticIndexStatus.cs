using System.Globalization;

namespace RagPapers.Indexing;

/// <summary>
/// How far the semantic index is: <paramref name="Embedded"/> of <paramref name="Total"/> chunks have their vector, for
/// a store that defers vectors (<paramref name="Deferred"/>); <paramref name="Problem"/> says why the background
/// indexer is waiting to retry, when it is. A store given its vectors during ingestion is always complete.
/// </summary>
public sealed record SemanticIndexStatus(bool Deferred, int Embedded, int Total, string? Problem = null)
{
    /// <summary>The status of a store that gets every vector during ingestion (Qdrant).</summary>
    public static SemanticIndexStatus Inline { get; } = new(Deferred: false, 0, 0);

    /// <summary>Dense search sees every chunk: retrieval is hybrid.</summary>
    public bool IsComplete => !Deferred || Embedded >= Total;

    /// <summary>"semantic index 212/516", the words every front-end shows.</summary>
    public string Counts => string.Create(CultureInfo.InvariantCulture, $"semantic index {Embedded}/{Total}");
}
