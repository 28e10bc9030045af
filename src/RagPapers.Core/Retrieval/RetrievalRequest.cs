using RagPapers.Storage;

namespace RagPapers.Retrieval;

/// <summary>A search for papers. <paramref name="RestrictTo"/> limits results to these paper ids (follow-ups about earlier sources).</summary>
/// <param name="Diversify">
/// Whether MMR may reorder the papers for variety (a reader's list). A ranking to be scored, such as an evaluation
/// run, passes false and gets the papers in pure relevance order.
/// </param>
public sealed record RetrievalRequest(
    string Query,
    int? TopK = null,
    SearchFilter? Filter = null,
    IReadOnlyCollection<string>? RestrictTo = null,
    bool Diversify = true);
