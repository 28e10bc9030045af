namespace RagPapers.Hosting;

/// <summary>The "Store:Qdrant" section: where the Qdrant server is and which collection holds the papers (checked by <see cref="QdrantStoreOptionsValidator"/>).</summary>
public sealed class QdrantStoreOptions
{
    /// <summary>Base URL of Qdrant's REST API (port 6333 by default).</summary>
    public string Url { get; set; } = "http://localhost:6333";

    /// <summary>Sent as the api-key header when not empty; never logged.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The collection (created on first use) that holds paper and chunk points.</summary>
    public string Collection { get; set; } = "papers";

    /// <summary>How long one request may take before it is abandoned and retried.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after a network fault, a timeout, a 5xx or a 429, with exponential backoff (0.2 s, 0.4 s, …).</summary>
    public int MaxRetries { get; set; } = 3;
}
