namespace RagPapers.Storage;

/// <summary>The "Store:Qdrant" section: where the Qdrant server is and which collection holds the papers (checked by <see cref="QdrantStoreOptionsValidator"/>).</summary>
public sealed class QdrantStoreOptions
{
    /// <summary>Qdrant's gRPC endpoint (port 6334 by default; https:// for TLS). Port 6333 is its REST API, which RagPapers no longer uses.</summary>
    public string Url { get; set; } = "http://localhost:6334";

    /// <summary>Sent as the api-key header of every call when not empty; never logged.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The collection (created on first use) that holds paper and chunk points.</summary>
    public string Collection { get; set; } = "papers";

    /// <summary>The deadline of one call; a call past it is abandoned and retried.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of a call that failed with Unavailable, DeadlineExceeded or ResourceExhausted, after jittered exponential backoff (about 0.2 s, 0.4 s, …).</summary>
    public int MaxRetries { get; set; } = 3;
}
