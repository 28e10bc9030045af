using System.Globalization;

namespace RagPapers.Reliability;

/// <summary>
/// Thousands of malformed requests against the real server (API and Discord endpoint on): none may get a 5xx, and
/// none may go unanswered. A request dropped without an answer is replayed alone on a fresh connection, to tell
/// what it sent from the connection it shared (docs/reliability.md: the unread over-limit bodies).
/// </summary>
internal static class HttpCampaign
{
    private const int Workers = 8;

    public static async Task<CampaignResult> RunAsync(Scale scale)
    {
        var folder = Repo.TempFolder("http");
        try
        {
            var collection = Directory.CreateDirectory(Path.Combine(folder, "collection")).FullName;
            await Synthetic.WriteAsync(Path.Combine(collection, "papers.jsonl"), 50);
            // RAGPAPERS_RELIABILITY_SERVER_LOG=path keeps the server's output there, Kestrel's connection events included.
            var serverLog = Environment.GetEnvironmentVariable("RAGPAPERS_RELIABILITY_SERVER_LOG");
            string[] kestrelDebug = serverLog is null ? [] : ["--Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel=Debug"];
            await using var server = await ServerProcess.StartAsync(Path.Combine(folder, "store.db"), collection, ["--Discord:PublicKey=" + new string('a', 64), "--Discord:ApplicationId=111111111111111111", .. kestrelDebug]);
            var statuses = new int[600];
            var dropped = new System.Collections.Concurrent.ConcurrentBag<int>();
            var (errors, next) = (0, -1);
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(async worker =>
            {
                while (Interlocked.Increment(ref next) is var i && i < scale.HttpRequests)
                {
                    var random = new Random(i); // request i is the same in every run
                    using var request = MalformedRequests.Create(random);
                    try
                    {
                        var described = $"{request.Method} {request.RequestUri} [{request.Content?.Headers.ContentType}]";
                        using var response = await server.Client.SendAsync(request);
                        Interlocked.Increment(ref statuses[(int)response.StatusCode]);
                        if ((int)response.StatusCode >= 500)
                        {
                            Console.Error.WriteLine($"  {(int)response.StatusCode} for request {i}: {described}");
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref errors);
                        dropped.Add(i);
                        Console.Error.WriteLine($"  dropped request {i}: {request.Method} {request.RequestUri} ({request.Content?.Headers.ContentLength} bytes): {ex.GetBaseException().Message}");
                    }
                }
            }));

            var replayed = await ReplayAsync(server, dropped);
            ReportServerComplaints(server);
            if (serverLog is not null)
            {
                await File.WriteAllLinesAsync(serverLog, server.Output);
            }

            var fiveHundreds = statuses.Skip(500).Sum();
            var spread = string.Join(", ", statuses.Select((n, code) => (n, code)).Where(s => s.n > 0).Select(s => $"{s.code}×{s.n}"));
            Console.Error.WriteLine("  statuses: " + spread);
            return new CampaignResult(
                "malformed HTTP requests", string.Create(CultureInfo.InvariantCulture, $"{scale.HttpRequests:N0} requests, {Workers} at a time"),
                $"{fiveHundreds} 5xx, {errors} connections closed mid-request{replayed} ({spread})", "0 5xx, 0 dropped", fiveHundreds == 0 && errors == 0);
        }
        finally
        {
            Repo.Delete(folder);
        }
    }

    // Each dropped request again, alone on a fresh connection: one that then gets its answer was dropped because
    // of the connection it shared, not because of what it sent.
    private static async Task<string> ReplayAsync(ServerProcess server, IEnumerable<int> dropped)
    {
        var outcomes = new List<string>();
        foreach (var i in dropped.Order())
        {
            using var fresh = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
            using var request = MalformedRequests.Create(new Random(i));
            try
            {
                using var response = await fresh.SendAsync(request);
                outcomes.Add(string.Create(CultureInfo.InvariantCulture, $"{i}→{(int)response.StatusCode}"));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                outcomes.Add($"{i}→dropped again");
            }
        }

        Console.Error.WriteLine("  replayed alone: " + (outcomes.Count == 0 ? "none" : string.Join(", ", outcomes)));
        return outcomes.Count == 0 ? "" : $"; replayed alone on a fresh connection: {string.Join(", ", outcomes)}";
    }

    private static void ReportServerComplaints(ServerProcess server)
    {
        foreach (var line in server.Output.Where(l => l.StartsWith("fail", StringComparison.Ordinal) || l.StartsWith("crit", StringComparison.Ordinal)
            || l.StartsWith("warn", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)).Take(40))
        {
            Console.Error.WriteLine("  server: " + line);
        }
    }
}
