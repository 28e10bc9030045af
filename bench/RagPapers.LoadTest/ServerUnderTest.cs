using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RagPapers.LoadTest;

/// <summary>
/// The real server as a child process, started from the repository root on 127.0.0.1 port 0 with a fresh temp
/// store and rate limiting off (a load test is one client far over any sane per-client limit).
/// </summary>
internal sealed partial class ServerUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private ServerUnderTest(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    public static async Task<ServerUnderTest> StartAsync(IReadOnlyList<string> extraArgs)
    {
        var folder = Directory.CreateTempSubdirectory("ragpapers-load-").FullName;
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoRoot(), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "RagPapers.Server.dll"), "--urls", "http://127.0.0.1:0",
            $"--Store:Sqlite:Path={Path.Combine(folder, "load.db")}", "--Server:RateLimit:Enabled=false", "--Embeddings:Provider=Local", .. extraArgs,
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        _ = process.StandardError.ReadToEndAsync();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                _ = DrainAsync(process.StandardOutput); // request logs keep coming; a full pipe would stall the server
                return new ServerUnderTest(process, folder, new Uri(match.Groups["address"].Value));
            }
        }

        throw new InvalidOperationException("The server exited before listening.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        var buffer = new char[16_384];
        while (await reader.ReadAsync(buffer) > 0)
        {
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RagPapers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RagPapers.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningOn();
}
