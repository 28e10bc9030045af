using System.ComponentModel.DataAnnotations;

namespace RagPapers.Retrieval;

/// <summary>The "Retrieval" section.</summary>
public sealed class RetrievalOptions
{
    public const string Section = "Retrieval";

    /// <summary>Papers returned per question.</summary>
    [Range(1, 100, ErrorMessage = "Retrieval:TopK must be between 1 and 100.")]
    public int TopK { get; set; } = 8;

    /// <summary>Chunks fetched from each of BM25 and dense search before fusion.</summary>
    [Range(1, 2_000, ErrorMessage = "Retrieval:CandidatePool must be between 1 and 2000.")]
    public int CandidatePool { get; set; } = 100;

    // RrfK and KeywordWeight suit the local hashed embedder, which is lexical like BM25 and mostly adds
    // robustness to morphology and typos: on SciFact train, with feedback and whole abstracts, k = 10 with
    // 0.9 for BM25 scores nDCG@10 0.710 against 0.711 for BM25 alone (noise), while the bundled
    // paraphrase and misspelling tests need the dense side. With a neural embedder try k = 60 and 0.5.

    /// <summary>k of reciprocal rank fusion: 1/(k + rank); smaller k trusts the top of each list more.</summary>
    [Range(1, 1_000, ErrorMessage = "Retrieval:RrfK must be between 1 and 1000.")]
    public int RrfK { get; set; } = 10;

    /// <summary>Weight of BM25 against dense in the fusion (dense gets 1 - this).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Retrieval:KeywordWeight must be between 0 and 1.")]
    public double KeywordWeight { get; set; } = 0.9;

    /// <summary>Whether query words the collection never uses are corrected to the closest word it uses ("speach" → "speech") before the search.</summary>
    public bool CorrectSpelling { get; set; } = true;

    /// <summary>MMR trade-off: 1 is pure relevance, 0 pure diversity.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Retrieval:MmrLambda must be between 0 and 1.")]
    public double MmrLambda { get; set; } = 0.8;

    // Pseudo-relevance feedback (RM3) on the SQLite store's BM25, chosen on SciFact train: see Rm3Reranker and
    // docs/benchmarks.md. FeedbackTerms 0 turns it off; Qdrant's BM25 runs inside Qdrant and has none.

    /// <summary>Best first-pass chunks whose terms expand the query.</summary>
    [Range(0, 100, ErrorMessage = "Retrieval:FeedbackDocuments must be between 0 and 100.")]
    public int FeedbackDocuments { get; set; } = 10;

    /// <summary>Expansion terms taken from them; 0 turns feedback off.</summary>
    [Range(0, 200, ErrorMessage = "Retrieval:FeedbackTerms must be between 0 and 200.")]
    public int FeedbackTerms { get; set; } = 40;

    /// <summary>Weight of the question's own terms against the expansion terms (λ of RM3).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Retrieval:FeedbackOriginalWeight must be between 0 and 1.")]
    public double FeedbackOriginalWeight { get; set; } = 0.6;

    /// <summary>First-pass chunks ranked again with the expanded query.</summary>
    [Range(1, 5_000, ErrorMessage = "Retrieval:FeedbackCandidates must be between 1 and 5000.")]
    public int FeedbackCandidates { get; set; } = 300;

    /// <summary>The feedback settings the keyword search of the store applies.</summary>
    public Storage.KeywordFeedback Feedback => new(FeedbackDocuments, FeedbackTerms, FeedbackOriginalWeight, FeedbackCandidates);

    // 0.35 separated 15 on-topic questions (0.39 for a misspelled one, else 0.51 and up) from 10 off-topic
    // ones (0.32 and below) over the bundled collection with the local embedder; see RelevanceScorer.

    /// <summary>Below this relevance the best paper is not evidence: the assistant says it found nothing.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Retrieval:MinRelevance must be between 0 and 1.")]
    public double MinRelevance { get; set; } = 0.35;

    // Relevance by keyword alone (while the semantic index is built) is query-term coverage, whatever the embedder:
    // calibrated on the bundled collection and SciFact train, see docs/benchmarks.md.

    /// <summary>MinRelevance for results found by keyword alone, while the semantic index is incomplete.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Retrieval:KeywordOnlyMinRelevance must be between 0 and 1.")]
    public double KeywordOnlyMinRelevance { get; set; } = 0.55;
}
