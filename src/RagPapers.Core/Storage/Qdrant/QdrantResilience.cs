using Grpc.Core;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// The one pipeline every Qdrant call runs through. A circuit breaker outside the retries: once two calls in a row
/// (after their retries) found the server down (Unavailable or DeadlineExceeded), every call fails at once for
/// <see cref="BreakDuration"/> instead of each waiting out the same retries, then the next call is tried again.
/// Inside it the retries: Unavailable (no connection, a restarting node),
/// DeadlineExceeded (no reply within Store:Qdrant:TimeoutSeconds) and ResourceExhausted (rate limits) are tried again
/// after a jittered exponential backoff (about 0.2 s, 0.4 s, 0.8 s … by default). Retrying is safe because every call
/// the index makes is idempotent: upserts by deterministic id, deletes by filter, reads, and a collection create
/// whose AlreadyExists means "already there". Each attempt is bounded by its gRPC deadline
/// (Store:Qdrant:TimeoutSeconds, set on the client), which Qdrant sees too and stops working on; so a call is bounded
/// by the attempts times the deadline plus the capped back-offs, and needs no timeout strategy of its own.
/// </summary>
/// <remarks>The breaker sits outside the retries, unlike the HTTP clients': a call's own retries ride out a node's restart, and its message counts them.</remarks>
internal static class QdrantResilience
{
    public static readonly TimeSpan DefaultFirstDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>How long calls fail fast once the server is found down; short, so a Qdrant that was just started is used soon.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(10);

    // A long outage should fail with a clear message, not wait out ever-longer sleeps.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted;

    /// <summary>A status that says the server is down or hanging; ResourceExhausted says it is up and busy.</summary>
    public static bool MeansDown(StatusCode code) => code is StatusCode.Unavailable or StatusCode.DeadlineExceeded;

    /// <summary>The pipeline; the retry delays run on <paramref name="time"/>, so tests can use a fake clock or tiny delays.</summary>
    public static ResiliencePipeline Build(int maxRetries, TimeSpan firstDelay, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        builder.AddCircuitBreaker(Breaker(logger));
        if (maxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => IsTransient(e.StatusCode)),
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstDelay,
                MaxDelay = MaxDelay,
                OnRetry = args =>
                {
                    var failure = args.Outcome.Exception is RpcException rpc ? rpc.StatusCode.ToString() : args.Outcome.Exception?.GetType().Name ?? "?";
                    Log.Retrying(logger, QdrantCall.Name(args.Context), args.AttemptNumber + 1, failure, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private static CircuitBreakerStrategyOptions Breaker(ILogger logger) => new()
    {
        FailureRatio = 0.5,
        MinimumThroughput = 2, // the least Polly accepts: one failed call is not yet an outage
        SamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = BreakDuration,
        ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => MeansDown(e.StatusCode)),
        OnOpened = args =>
        {
            Log.CircuitOpened(logger, args.BreakDuration.TotalSeconds);
            return default;
        },
        OnClosed = _ =>
        {
            Log.CircuitClosed(logger);
            return default;
        },
    };
}
