using System.Diagnostics;
using Xunit.Abstractions;

namespace RagPapers.Server.Tests.Readme;

/// <summary>
/// The README's captured curl commands, run in order with curl (and jq where the README pipes to it) against a
/// real server on 127.0.0.1 that loaded the bundled collection with the hashed embedder, as the README's output
/// was captured. A change of ranking, wording or fields fails here until the README shows it. To rewrite the
/// README's responses from real ones instead (a shortened one that still matches is kept):
/// RAGPAPERS_REFRESH_README=1 dotnet test tests/RagPapers.Server.Tests --filter ReadmeHttpExamples
/// </summary>
public sealed class HttpExamplesTests(ITestOutputHelper output)
{
    private static readonly string ReadmePath = Path.Combine(TestPaths.RepoRoot, "README.md");

    [Fact]
    public async Task ReadmeHttpExamples_EveryCapturedRequest_AnswersWhatTheReadmeShows()
    {
        var readme = (await File.ReadAllTextAsync(ReadmePath)).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var examples = HttpExamples.Parse(readme);
        Assert.True(examples.Count(e => e.NotRun is null) >= 10, $"only {examples.Count(e => e.NotRun is null)} runnable curl commands found in the README");
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string> { ["Server:RateLimit:Enabled"] = "false" });
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var actual = new List<string?>();
        foreach (var example in examples)
        {
            if (example.NotRun is { } reason)
            {
                output.WriteLine($"not run (README line {example.OutputStart}): {example.Command} — {reason}");
                actual.Add(null);
                continue;
            }

            var command = ids.Aggregate(example.Command.Replace("localhost:5000", server.Address.Authority, StringComparison.Ordinal), (c, id) => c.Replace(id.Key, id.Value, StringComparison.Ordinal));
            var response = await RunAsync(command);
            foreach (var (shown, real) in HttpExamples.ConversationIds(string.Join('\n', example.Output)).Zip(HttpExamples.ConversationIds(response)))
            {
                ids[shown] = real;
            }

            actual.Add(response);
        }

        if (Environment.GetEnvironmentVariable("RAGPAPERS_REFRESH_README") == "1")
        {
            await File.WriteAllTextAsync(ReadmePath, HttpExamples.Refresh(readme, examples, actual));
            return;
        }

        var drifted = examples.Select((e, k) => (e, actual: actual[k]))
            .Where(x => x.actual is not null && !HttpExamples.Matches(x.e.Output, x.actual))
            .Select(x => $"README line {x.e.OutputStart + 1}: {x.e.Command}\n--- README\n{string.Join('\n', x.e.Output)}\n--- now\n{x.actual}")
            .ToArray();
        Assert.True(drifted.Length == 0, string.Join("\n\n", drifted)
            + "\nRefresh with: RAGPAPERS_REFRESH_README=1 dotnet test tests/RagPapers.Server.Tests --filter ReadmeHttpExamples");
    }

    private static async Task<string> RunAsync(string command)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = TestPaths.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("set -o pipefail; " + command);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{command} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
