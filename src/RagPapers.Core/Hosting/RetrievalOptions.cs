using System.ComponentModel.DataAnnotations;

namespace RagPapers.Hosting;

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

    /// <summary>k of reciprocal rank fusion: 1/(k + rank).</summary>
    [Range(1, 1_000, ErrorMessage = "Retrieval:RrfK must be between 1 and 1000.")]
    public int RrfK { get; set; } = 60;

    /// <summary>Weight of BM25 against dense in the fusion (dense gets 1 - this).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Retrieval:KeywordWeight must be between 0 and 1.")]
    public double KeywordWeight { get; set; } = 0.5;

    /// <summary>MMR trade-off: 1 is pure relevance, 0 pure diversity.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Retrieval:MmrLambda must be between 0 and 1.")]
    public double MmrLambda { get; set; } = 0.8;

    /// <summary>Below this relevance the best paper is not evidence: the assistant says it found nothing.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Retrieval:MinRelevance must be between 0 and 1.")]
    public double MinRelevance { get; set; } = 0.35;
}
