using System.Globalization;
using System.Net;

namespace RagPapers.LoadTest;

/// <summary>Starts the server (or uses --url), waits until ready, then per scenario: warm-up, the timed run, memory along the way.</summary>
internal static class LoadTest
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = LoadTestOptions.Parse(args);
        await using var server = options.Url is null ? await ServerUnderTest.StartAsync(options.ServerArgs) : null;
        var address = options.Url ?? server!.Address;
        var pid = options.ServerPid ?? server?.Pid;
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, UseProxy = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        await WaitUntilReadyAsync(client);
        Console.WriteLine($"server {address} (pid {pid?.ToString(CultureInfo.InvariantCulture) ?? "?"}), {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        var failed = false;
        foreach (var scenario in options.Scenarios)
        {
            var runner = new LoadRunner(client, options.Connections);
            await runner.RunAsync(scenario, options.Warmup);
            var memory = new List<double>();
            Sample(pid, memory);
            var step = Math.Max(1, options.Requests / 10);
            var result = await runner.RunAsync(scenario, options.Requests, i => { if (i % step == step - 1) { Sample(pid, memory); } });
            Console.WriteLine(result.Describe());
            Console.WriteLine("        server RSS (MB) every 10%: " + string.Join(" ", memory.Select(m => m.ToString("0", CultureInfo.InvariantCulture))));
            failed |= result.Errors > 0;
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        return failed ? 1 : 0;
    }

    private static void Sample(int? pid, List<double> memory)
    {
        if (pid is { } id && ProcessMemory.ResidentMegabytes(id) is { } mb)
        {
            lock (memory)
            {
                memory.Add(mb);
            }
        }
    }

    // Ready, and the semantic index complete: the scenarios measure hybrid answers, not keyword answers given while
    // the vectors are computed.
    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 6000; attempt++)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK && await IsHybridAsync(response))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The server did not become ready (semantic index complete) within 10 minutes.");
    }

    private static async Task<bool> IsHybridAsync(HttpResponseMessage response)
    {
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return !health.RootElement.TryGetProperty("semanticIndex", out var index) || index.GetProperty("complete").GetBoolean();
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
