namespace RagPapers.OpenAICompatible;

/// <summary>
/// How one OpenAI-compatible client (chat or embeddings) survives a failing endpoint, taken from its options section.
/// </summary>
/// <param name="MaxRetries">Retries of a transient failure (no connection, attempt timeout, 408, 429, 5xx); 0 switches retrying off.</param>
/// <param name="MaxRetryAfter">A 429/503 whose Retry-After asks for longer than this is not retried: the caller's fallback is better now than an answer minutes later.</param>
/// <param name="AttemptTimeout">How long one attempt may take until the response headers arrive.</param>
/// <param name="TotalTimeout">How long one request may take, every retry and back-off included.</param>
public sealed record EndpointResilience(int MaxRetries, TimeSpan MaxRetryAfter, TimeSpan AttemptTimeout, TimeSpan TotalTimeout)
{
    /// <summary>How long calls fail fast once the endpoint is found down; short, so a server that was just started is used soon.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(10);

    /// <summary>The window in which failed attempts are counted towards breaking the circuit.</summary>
    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>Jittered exponential back-off starts here (about 1 s, 2 s, 4 s …) when the response names no Retry-After.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
}
