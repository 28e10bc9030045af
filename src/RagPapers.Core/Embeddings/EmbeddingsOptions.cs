using System.ComponentModel.DataAnnotations;

namespace RagPapers.Embeddings;

/// <summary>The "Embeddings" section.</summary>
public sealed class EmbeddingsOptions
{
    public const string Section = "Embeddings";

    public const string LocalProvider = "Local";
    public const string OpenAIProvider = "OpenAI";

    public const string MiniLMProvider = "MiniLM";

    /// <summary>The provider when the configuration names none: the offline neural embedder, which front-ends carry.</summary>
    public const string DefaultProvider = MiniLMProvider;

    /// <summary>
    /// "MiniLM" (offline neural, the default; front-ends carry it), "Local" (offline hashed n-grams, no weights: for
    /// tiny machines) or "OpenAI" (any OpenAI-compatible /v1/embeddings endpoint); EmbeddingsOptionsRules
    /// refuses any other.
    /// </summary>
    public string Provider { get; set; } = DefaultProvider;

    /// <summary>Dimensions of the local embedder's vectors (an OpenAI-compatible model has its own, learned by embedding one probe text).</summary>
    [Range(64, 4096, ErrorMessage = "Embeddings:Dimensions must be between 64 and 4096.")]
    public int Dimensions { get; set; } = 512;

    /// <summary>Base URL of the API including its version path ("http://localhost:11434/v1"); Provider "OpenAI" only.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The embedding model ("text-embedding-3-small", "nomic-embed-text"); changing it means re-indexing.</summary>
    public string Model { get; set; } = "";

    /// <summary>Sent as "Authorization: Bearer KEY"; empty for servers without keys. Never logged.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Seconds one embeddings request may take, retries included.</summary>
    [Range(1, 3600, ErrorMessage = "Embeddings:TimeoutSeconds must be between 1 and 3600.")]
    public int TimeoutSeconds { get; set; } = 100;

    /// <summary>
    /// Chunks the semantic indexer embeds and stores per transaction, in the background: a killed run loses at most
    /// one batch, and progress moves by this much.
    /// </summary>
    [Range(1, 2048, ErrorMessage = "Embeddings:BatchSize must be between 1 and 2048.")]
    public int BatchSize { get; set; } = 32;

    /// <summary>Retries of a request that failed with 408, 429, 5xx or no connection.</summary>
    [Range(0, 10, ErrorMessage = "Embeddings:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 3;
}
