using System.ComponentModel.DataAnnotations;

namespace RagPapers.Hosting;

/// <summary>The "Store:Qdrant" section: where the Qdrant server is and which collection holds the papers.</summary>
public sealed class QdrantStoreOptions
{
    /// <summary>Base URL of Qdrant's REST API (port 6333 by default).</summary>
    [Required(ErrorMessage = "Store:Qdrant:Url must name the Qdrant server (e.g. \"http://localhost:6333\").")]
    [RegularExpression(@"^https?://[^\s/?#]+(/[^\s?#]*)?$", ErrorMessage = "Store:Qdrant:Url must be an absolute http:// or https:// URL without query (e.g. \"http://localhost:6333\").")]
    public string Url { get; set; } = "http://localhost:6333";

    /// <summary>Sent as the api-key header when not empty; never logged.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The collection (created on first use) that holds paper and chunk points.</summary>
    [Required(ErrorMessage = "Store:Qdrant:Collection must name the collection (e.g. \"papers\").")]
    [RegularExpression("^[A-Za-z0-9_.-]{1,255}$", ErrorMessage = "Store:Qdrant:Collection must be 1 to 255 letters, digits, '_', '-' or '.' (e.g. \"papers\").")]
    public string Collection { get; set; } = "papers";

    /// <summary>How long one request may take before it is abandoned and retried.</summary>
    [Range(1, 600, ErrorMessage = "Store:Qdrant:TimeoutSeconds must be between 1 and 600.")]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after a network fault, a timeout, a 5xx or a 429, with exponential backoff.</summary>
    [Range(0, 10, ErrorMessage = "Store:Qdrant:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 3;
}
