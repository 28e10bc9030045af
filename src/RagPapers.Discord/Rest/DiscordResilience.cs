using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using RagPapers.Discord.Configuration;

namespace RagPapers.Discord.Rest;

/// <summary>
/// The Polly pipeline every Discord REST call runs through, outermost first: a retry of 429s and 502/503/504 (at
/// most Discord:MaxRetries), a circuit breaker, and a 30 s timeout per attempt. A 429's wait is not the retry's
/// own delay but the rate-limit bucket's: the retry records it in <see cref="RateLimitBuckets"/> (for the whole
/// bot when Discord says it is global), and every call, this one's next attempt included, waits out its bucket
/// before it is sent. A 429 asking for more than Discord:MaxRetryWaitSeconds is not retried.
/// </summary>
/// <remarks>
/// The breaker opens when two or more attempts in 30 s, half or more of them, could not reach Discord (no
/// connection, or no response within the attempt timeout); for 10 s calls then fail at once instead of each
/// waiting for the same failure. Error statuses do not open it: Discord is up and answering.
/// </remarks>
internal static class DiscordResilience
{
    public static readonly ResiliencePropertyKey<DiscordRoute> RouteKey = new("ragpapers.discord.route");

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(0.5);

    public static ResiliencePipeline<HttpResponseMessage> Build(DiscordOptions settings, RateLimitBuckets buckets, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(Retry(settings, buckets, logger));
        }

        return builder.AddCircuitBreaker(Breaker()).AddTimeout(AttemptTimeout).Build();
    }

    private static RetryStrategyOptions<HttpResponseMessage> Retry(DiscordOptions settings, RateLimitBuckets buckets, ILogger logger) => new()
    {
        MaxRetryAttempts = settings.MaxRetries,
        ShouldHandle = async args =>
        {
            if (args.Outcome.Result is not { IsSuccessStatusCode: false } response)
            {
                return false;
            }

            var failure = await DiscordFailure.ReadAsync(response, args.Context.CancellationToken);
            if (failure.IsRateLimit && failure.RetryAfterSeconds > settings.MaxRetryWaitSeconds)
            {
                Log.RateLimitTooLong(logger, Route(args.Context).Template, failure.RetryAfterSeconds);
                return false;
            }

            return failure.IsRateLimit || failure.IsTransient;
        },

        // A 429 waits in the bucket (before the next send), where every other call of that bucket waits too.
        DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
            args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.TooManyRequests ? TimeSpan.Zero : FirstBackoff * (1 << args.AttemptNumber)),
        OnRetry = async args =>
        {
            var route = Route(args.Context);
            var failure = await DiscordFailure.ReadAsync(args.Outcome.Result!, args.Context.CancellationToken);
            if (failure.IsRateLimit)
            {
                Log.RateLimited(logger, route.Template, failure.RetryAfterSeconds, failure.Global, args.AttemptNumber + 1);
                buckets.OnTooManyRequests(route, TimeSpan.FromSeconds(Math.Max(failure.RetryAfterSeconds, 0)), failure.Global);
            }
            else
            {
                Log.TransientFailure(logger, route.Template, (int)failure.Status, args.RetryDelay.TotalSeconds, args.AttemptNumber + 1);
            }
        },
    };

    private static CircuitBreakerStrategyOptions<HttpResponseMessage> Breaker() => new()
    {
        FailureRatio = 0.5,
        MinimumThroughput = 2,
        SamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = BreakDuration,
        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException),
    };

    /// <summary>
    /// A call the pipeline stopped (no reply within the attempt timeout, or not sent because Discord was just found
    /// unreachable) as the <see cref="HttpRequestException"/> a failed connection is, which callers already handle.
    /// </summary>
    public static HttpRequestException Describe(ExecutionRejectedException rejection, DiscordRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var message = rejection is BrokenCircuitException
            ? $"Discord was unreachable moments ago, so {route.Template} was not sent; calls try again within {BreakDuration.TotalSeconds:F0} s."
            : $"Discord did not answer {route.Template} within {AttemptTimeout.TotalSeconds:F0} s.";
        return new HttpRequestException(message, rejection);
    }

    private static DiscordRoute Route(ResilienceContext context) =>
        context.Properties.TryGetValue(RouteKey, out var route) ? route : throw new InvalidOperationException("A Discord call ran without its route.");
}
