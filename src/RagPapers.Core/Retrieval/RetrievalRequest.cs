using RagPapers.Storage;

namespace RagPapers.Retrieval;

/// <summary>A search for papers. <paramref name="RestrictTo"/> limits results to these paper ids (follow-ups about earlier sources).</summary>
/// <param name="CorrectSpelling">
/// Whether words the collection never uses may be corrected to close words it does use before the search
/// (<see cref="Spelling.QuerySpellingCorrector"/>). An evaluation run passes false to search the benchmark's queries as written.
/// </param>
/// <param name="Diversify">
/// Whether MMR may reorder the papers for variety (a reader's list). A ranking to be scored, such as an evaluation
/// run, passes false and gets the papers in pure relevance order.
/// </param>
public sealed record RetrievalRequest(
    string Query,
    int? TopK = null,
    SearchFilter? Filter = null,
    IReadOnlyCollection<string>? RestrictTo = null,
    bool Diversify = true,
    bool CorrectSpelling = true);
