using Grpc.Core;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// The one retry pipeline every Qdrant call runs through: Unavailable (no connection, a restarting node),
/// DeadlineExceeded (no reply within Store:Qdrant:TimeoutSeconds) and ResourceExhausted (rate limits) are tried again
/// after a jittered exponential backoff (about 0.2 s, 0.4 s, 0.8 s … by default). Retrying is safe because every call
/// the index makes is idempotent: upserts by deterministic id, deletes by filter, reads, and a collection create
/// whose AlreadyExists means "already there".
/// </summary>
internal static class QdrantResilience
{
    public static readonly TimeSpan DefaultFirstDelay = TimeSpan.FromMilliseconds(200);

    // A long outage should fail with a clear message, not wait out ever-longer sleeps.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted;

    /// <summary>The pipeline; the retry delays run on <paramref name="time"/>, so tests can use a fake clock or tiny delays.</summary>
    public static ResiliencePipeline Build(int maxRetries, TimeSpan firstDelay, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
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
}
