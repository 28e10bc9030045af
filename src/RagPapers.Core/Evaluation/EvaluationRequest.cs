namespace RagPapers.Evaluation;

/// <summary>What to evaluate: a BEIR corpus, its queries and qrels, and optionally off-topic queries for the "nothing relevant" calibration.</summary>
/// <param name="K">Cut-off of nDCG and MRR (10 is what <c>score_run.py</c> prints).</param>
/// <param name="Depth">Papers retrieved per query, the run's depth; Recall is measured at this depth.</param>
/// <param name="OffTopicQueriesPath">Queries about topics absent from the corpus (BEIR queries format), or null to skip calibration.</param>
/// <param name="KeywordOnly">
/// Measure what users get before the semantic index is complete: the corpus is indexed without computing its vectors
/// (a store that defers them), so every query is answered by keyword alone.
/// </param>
/// <param name="CorrectSpelling">
/// Whether queries go through spelling correction as users' do. Off by default: on SciFact it changed nDCG@10 by
/// -0.0011 on train and +0.0005 on test (docs/benchmarks.md), no gain, so the benchmark's claims are searched as written.
/// </param>
public sealed record EvaluationRequest(
    string CorpusPath,
    string QueriesPath,
    string QrelsPath,
    int K = 10,
    int Depth = 100,
    string? OffTopicQueriesPath = null,
    bool KeywordOnly = false,
    bool CorrectSpelling = false);
