using System.ComponentModel.DataAnnotations;

namespace RagPapers.Server.Configuration;

/// <summary>The "Server:RateLimit" section: a fixed window of requests per API key, or per address without one.</summary>
public sealed class ServerRateLimitOptions
{
    /// <summary>Whether /api requests are rate limited at all (health probes never are).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one client may make per window; the next is answered 429 with Retry-After.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 120;

    /// <summary>Length of the window in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 10;
}
