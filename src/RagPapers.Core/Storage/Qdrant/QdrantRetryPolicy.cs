using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// Sends one logical request, retrying network faults, per-attempt timeouts, 5xx and 429 with exponential backoff
/// (first delay, then twice that, …). When the retries run out on a fault or a timeout it throws a
/// <see cref="StoreUnavailableException"/> naming the server; a final 5xx is returned for the caller to report.
/// Retrying is safe because every request the index sends is idempotent: upserts by deterministic id, deletes by
/// filter, reads, and a collection create whose 409 the client treats as "already there".
/// </summary>
internal sealed class QdrantRetryPolicy(int maxRetries, TimeSpan attemptTimeout, TimeSpan firstDelay, TimeProvider time, ILogger logger)
{
    public TimeSpan AttemptTimeout => attemptTimeout;

    public async Task<HttpResponseMessage> SendAsync(
        HttpClient http, Func<HttpRequestMessage> createRequest, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (response, failure, error) = await TryOnceAsync(http, createRequest, cancellationToken);
            if (response is not null && (!IsTransient(response.StatusCode) || attempt > maxRetries))
            {
                return response;
            }

            response?.Dispose();
            if (attempt > maxRetries)
            {
                throw new StoreUnavailableException(
                    $"Qdrant at {http.BaseAddress} is unreachable: {failure} ({what}; {attempt} attempts). Start it (e.g. `docker compose up -d qdrant`) or check Store:Qdrant:Url.",
                    error);
            }

            var delay = firstDelay * Math.Pow(2, attempt - 1);
            Log.Retrying(logger, what, attempt, failure, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    private async Task<(HttpResponseMessage? Response, string Failure, Exception? Error)> TryOnceAsync(
        HttpClient http, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(attemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = createRequest();
        try
        {
            // The default completion option buffers the body, so a fault while reading it is retried here too.
            var response = await http.SendAsync(request, linked.Token);
            return (response, $"{(int)response.StatusCode} {response.ReasonPhrase}", null);
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.Message, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = attemptTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return (null, $"no reply within {seconds} s (Store:Qdrant:TimeoutSeconds)", ex);
        }
    }
}
