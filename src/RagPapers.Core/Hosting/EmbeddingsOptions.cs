using System.ComponentModel.DataAnnotations;

namespace RagPapers.Hosting;

/// <summary>The "Embeddings" section.</summary>
public sealed class EmbeddingsOptions
{
    public const string Section = "Embeddings";

    /// <summary>"Local" (offline, no weights) or "OpenAI" (any OpenAI-compatible /v1/embeddings endpoint).</summary>
    [RegularExpression("^(Local|OpenAI)$", ErrorMessage = "Embeddings:Provider must be \"Local\" or \"OpenAI\".")]
    public string Provider { get; set; } = "Local";

    /// <summary>Dimensions of the local embedder's vectors.</summary>
    [Range(64, 4096, ErrorMessage = "Embeddings:Dimensions must be between 64 and 4096.")]
    public int Dimensions { get; set; } = 512;

    public string Endpoint { get; set; } = "";

    public string Model { get; set; } = "";

    public string ApiKey { get; set; } = "";
}
