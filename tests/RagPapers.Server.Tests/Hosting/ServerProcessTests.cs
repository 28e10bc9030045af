using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Hosting;

/// <summary>
/// The README's way to run the server: the real program, started from the repository root, finds the top-level
/// appsettings.json, loads the collection into an empty store in the background and turns ready.
/// </summary>
public sealed partial class ServerProcessTests
{
    [Fact]
    public async Task Program_FromRepoRoot_ListensLoadsTheCollectionAndAnswers()
    {
        using var folder = new TempFolder();
        using var process = Start("--urls", "http://127.0.0.1:0", $"--Store:Sqlite:Path={folder.File("process.db")}", "--Embeddings:Provider=Local");
        try
        {
            var address = await ListeningAddressAsync(process);
            using var client = new HttpClient { BaseAddress = address };

            await WaitUntilReadyAsync(client);
            var ready = await Http.GetJsonAsync(client, "/health/ready");
            var answer = await Http.PostJsonAsync(client, "/api/ask", """{"question": "How does Barlow Twins avoid collapse?"}""");
            var document = await Http.GetJsonAsync(client, "/openapi/v1.json");

            Assert.Equal("516 papers loaded.", ready.GetProperty("checks").GetProperty("collection").GetProperty("description").GetString());
            Assert.Equal("answered", answer.GetProperty("status").GetString());
            string[] paths = ["/api/ask", "/api/ask/stream", "/api/search", "/api/papers", "/api/papers/{id}", "/api/papers/{id}/similar", "/api/ingest", "/health/live", "/health/ready"];
            Assert.All(paths, path => Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), $"Program.cs does not map {path}"));
            Assert.True(File.Exists(folder.File("process.db")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RagPapers.Server.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }

    private static async Task<Uri> ListeningAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep draining so the child never blocks on a full pipe
                return new Uri(match.Groups["address"].Value);
            }
        }

        throw new InvalidOperationException("The server never said where it listens:\n" + string.Join('\n', seen) + await process.StandardError.ReadToEndAsync());
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync(Http.Path("/health/ready"));
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningOn();
}
