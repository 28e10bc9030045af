using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace RagPapers.Reliability;

/// <summary>The real server as a child process on 127.0.0.1 port 0, over a store and collection the campaign chooses.</summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>What the server printed after it started listening (stdout and stderr), for a campaign to look into when something failed.</summary>
    public IReadOnlyCollection<string> Output { get; private init; } = [];

    public static async Task<ServerProcess> StartAsync(string store, string collection, IEnumerable<string>? extraArgs = null)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args =
        [
            Repo.Server, "--urls", "http://127.0.0.1:0", $"--Store:Sqlite:Path={store}", $"--Collection:Paths:0={collection}",
            "--Server:RateLimit:Enabled=false", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", .. extraArgs ?? [],
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _ = KeepAsync(process.StandardError, output);
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                _ = KeepAsync(process.StandardOutput, output);
                var server = new ServerProcess(process, new Uri(match.Groups["address"].Value)) { Output = output };
                await server.WaitUntilReadyAsync();
                return server;
            }
        }

        throw new InvalidOperationException("The server exited before listening.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the server never became ready");
    }

    private static async Task KeepAsync(StreamReader reader, System.Collections.Concurrent.ConcurrentQueue<string> lines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lines.Enqueue(line);
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningOn();
}
