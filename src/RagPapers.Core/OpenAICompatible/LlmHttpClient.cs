using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace RagPapers.OpenAICompatible;

/// <summary>
/// The HttpClient behind the chat and embeddings connectors: retries with exponential back-off and jitter,
/// honouring Retry-After (<see cref="RetryRules"/>), and no Authorization header for an empty key. Timeouts and
/// cancellation come from the caller's token (Chat:TimeoutSeconds bounds a whole answer), so the client's own
/// timeout is off; the SDK's own retries are switched off where the client is handed over, so a request is
/// never retried twice over.
/// </summary>
internal static class LlmHttpClient
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    public static HttpClient Create(int maxRetries, TimeSpan maxRetryAfter, string apiKey, TimeProvider time, ILogger logger)
    {
        var sockets = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        HttpMessageHandler inner = new EmptyKeyAuthorizationHandler(string.IsNullOrEmpty(apiKey)) { InnerHandler = sockets };
        if (maxRetries > 0)
        {
            inner = new ResilienceHandler(RetryPipeline(maxRetries, maxRetryAfter, time, logger)) { InnerHandler = inner };
        }

        return new HttpClient(inner, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The endpoint as it may be logged or shown: scheme, host, port and path, without user info or query (which can carry credentials).</summary>
    public static string Redact(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : "(invalid endpoint)";

    internal static ResiliencePipeline<HttpResponseMessage> RetryPipeline(int maxRetries, TimeSpan maxRetryAfter, TimeProvider time, ILogger logger) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BaseDelay,
                ShouldRetryAfterHeader = false, // RetryRules reads Retry-After itself, to cap it
                ShouldHandle = args => ValueTask.FromResult(RetryRules.ShouldRetry(args.Outcome, maxRetryAfter, time)),
                DelayGenerator = args => ValueTask.FromResult(RetryRules.RetryAfter(args.Outcome.Result, time)),
                OnRetry = args =>
                {
                    Log.Retrying(logger, args.AttemptNumber + 1, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception?.GetType().Name, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
