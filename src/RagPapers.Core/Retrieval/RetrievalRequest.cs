using RagPapers.Storage;

namespace RagPapers.Retrieval;

/// <summary>A search for papers. <paramref name="RestrictTo"/> limits results to these paper ids (follow-ups about earlier sources).</summary>
public sealed record RetrievalRequest(
    string Query,
    int? TopK = null,
    SearchFilter? Filter = null,
    IReadOnlyCollection<string>? RestrictTo = null);
