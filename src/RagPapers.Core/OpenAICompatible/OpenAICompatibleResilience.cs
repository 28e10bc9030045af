using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace RagPapers.OpenAICompatible;

/// <summary>
/// The Polly pipeline of every OpenAI-compatible client, outermost first: a total timeout, a retry of transient
/// failures honouring Retry-After, a circuit breaker, and an attempt timeout. Everything waits on the given
/// <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
/// <remarks>
/// The breaker opens when at least two attempts within <see cref="EndpointResilience.SamplingDuration"/> found the
/// endpoint down (no connection, or no response within the attempt timeout) and they are half or more of all
/// attempts; for <see cref="EndpointResilience.BreakDuration"/> every call then fails at once with a
/// <see cref="BrokenCircuitException"/>, which callers show as "unreachable", instead of each waiting for the same
/// refusal or timeout. An HTTP error status does not open it: the server is up and answering.
/// </remarks>
internal static class OpenAICompatibleResilience
{
    private const int MinimumThroughput = 2; // the least Polly accepts: one refused attempt alone is not an outage

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, EndpointResilience settings, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        builder.TimeProvider = time;
        builder.AddTimeout(settings.TotalTimeout);
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(Retry(settings, time, logger));
        }

        builder.AddCircuitBreaker(Breaker(logger));
        builder.AddTimeout(settings.AttemptTimeout);
    }

    /// <summary>True for a failure that says the endpoint is down rather than that this request was wrong.</summary>
    public static bool MeansDown(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException;

    private static HttpRetryStrategyOptions Retry(EndpointResilience settings, TimeProvider time, ILogger logger) => new()
    {
        MaxRetryAttempts = settings.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = EndpointResilience.FirstRetryDelay,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !RetryAfterHeader.IsBeyond(args.Outcome.Result, settings.MaxRetryAfter, time)),
        OnRetry = args =>
        {
            Log.Retrying(logger, args.AttemptNumber + 1, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception?.GetType().Name, args.RetryDelay.TotalMilliseconds);
            return ValueTask.CompletedTask;
        },
    };

    private static CircuitBreakerStrategyOptions<HttpResponseMessage> Breaker(ILogger logger) => new()
    {
        FailureRatio = 0.5,
        MinimumThroughput = MinimumThroughput,
        SamplingDuration = EndpointResilience.SamplingDuration,
        BreakDuration = EndpointResilience.BreakDuration,
        ShouldHandle = args => ValueTask.FromResult(MeansDown(args.Outcome)),
        OnOpened = args =>
        {
            Log.CircuitOpened(logger, args.BreakDuration.TotalSeconds, args.Outcome.Exception?.GetType().Name);
            return ValueTask.CompletedTask;
        },
        OnClosed = _ =>
        {
            Log.CircuitClosed(logger);
            return ValueTask.CompletedTask;
        },
    };
}
