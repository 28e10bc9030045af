using System.Diagnostics;

namespace RagPapers.LoadTest;

/// <summary>
/// Closed-loop load: a fixed number of concurrent connections, each sending its next request as soon as the last
/// one is answered, until the total is reached. Records every latency and every non-2xx or failed request.
/// </summary>
internal sealed class LoadRunner(HttpClient client, int connections)
{
    public async Task<LoadResult> RunAsync(string scenario, int requests, Action<int>? onProgress = null, CancellationToken cancellationToken = default)
    {
        var latencies = new double[requests];
        var next = -1;
        var errors = 0;
        var firstError = "";
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                var error = await SendAsync(scenario, i, cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (error is not null && Interlocked.Increment(ref errors) == 1)
                {
                    firstError = error;
                }

                onProgress?.Invoke(i);
            }
        });
        await Task.WhenAll(workers);
        return new LoadResult(scenario, requests, connections, watch.Elapsed, latencies, errors, firstError);
    }

    private async Task<string?> SendAsync(string scenario, int i, CancellationToken cancellationToken)
    {
        try
        {
            using var request = Workload.Create(scenario, i);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
    }
}
