using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RagPapers.Server.Configuration;

/// <summary>The "Server" section: who may call the HTTP API, how much, and how big its state may grow.</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>Keys accepted in X-Api-Key or "Authorization: Bearer"; empty (with no admin keys) leaves the API open.</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>Keys that may also call /api/ingest and /metrics; empty lets every caller the API admits do so.</summary>
    public string[] AdminKeys { get; set; } = [];

    /// <summary>Largest request body of the JSON endpoints, in bytes; a bigger one is refused with 413.</summary>
    [Range(1_024, 16_777_216)]
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Largest collection file accepted by /api/ingest, in bytes.</summary>
    [Range(1_024, 1_073_741_824)]
    public int MaxIngestBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Time a request may take before it is cancelled and answered 504.</summary>
    [Range(1, 3_600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Time an /api/ask/stream response may stay open.</summary>
    [Range(1, 3_600)]
    public int StreamTimeoutSeconds { get; set; } = 300;

    /// <summary>Time an /api/ingest request may take.</summary>
    [Range(1, 86_400)]
    public int IngestTimeoutSeconds { get; set; } = 600;

    /// <summary>Conversations kept in memory at once; the least recently used one is dropped beyond this.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 1_000;

    /// <summary>Minutes without a question after which a conversation is forgotten.</summary>
    [Range(1, 10_080)]
    public int ConversationIdleMinutes { get; set; } = 30;

    // A turn keeps its evidence (up to Retrieval:TopK papers with passages, about 50 KB), and follow-ups only look at
    // the last turn: a few turns per conversation bound memory without losing anything a follow-up can use.

    /// <summary>Turns a conversation remembers for follow-ups; older ones are dropped.</summary>
    [Range(1, 200)]
    public int MaxTurnsPerConversation { get; set; } = 4;

    /// <summary>Retrieval results remembered for repeated questions and searches (emptied by every write to the store); 0 turns the cache off.</summary>
    [Range(0, 1_000_000)]
    public int RetrievalCacheEntries { get; set; } = 1_000;

    [ValidateObjectMembers]
    public ServerRateLimitOptions RateLimit { get; set; } = new();

    public ServerCorsOptions Cors { get; set; } = new();
}
