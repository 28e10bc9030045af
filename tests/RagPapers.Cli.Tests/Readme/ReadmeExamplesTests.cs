using System.Diagnostics;

namespace RagPapers.Cli.Tests.Readme;

/// <summary>
/// The README's captured commands, run in order as real processes against a fresh store of the bundled collection
/// (the first one indexes it, as a first run does), with the hashed embedder the examples were captured with. A
/// change of ranking or wording fails here until the README shows it. To rewrite the README's blocks from real
/// output instead of comparing: RAGPAPERS_REFRESH_README=1 dotnet test tests/RagPapers.Cli.Tests --filter ReadmeExamples
/// </summary>
public sealed class ReadmeExamplesTests
{
    /// <summary>The embedder the README's examples show (Embeddings:Provider).</summary>
    public const string Embedder = "Local";

    private static readonly string ReadmePath = Path.Combine(TestPaths.RepoRoot, "README.md");

    [Fact]
    public async Task Run_EveryCapturedCommandOfTheReadme_PrintsWhatTheReadmeShows()
    {
        var readme = (await File.ReadAllTextAsync(ReadmePath)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (readme[^1].Length == 0)
        {
            readme = readme[..^1];
        }

        var examples = ReadmeExamples.Parse(readme);
        Assert.True(examples.Count >= 5, $"only {examples.Count} captured commands found in the README");
        using var folder = new TempFolder();
        var outputs = new List<IReadOnlyList<string>>();
        foreach (var example in examples)
        {
            var output = await RunAsync(example, folder.File("readme.db"));
            outputs.Add(ReadmeExamples.AsShown(output, example.Input));
        }

        if (Environment.GetEnvironmentVariable("RAGPAPERS_REFRESH_README") == "1")
        {
            await File.WriteAllTextAsync(ReadmePath, ReadmeExamples.Refresh(readme, examples, outputs));
            return;
        }

        for (var k = 0; k < examples.Count; k++)
        {
            var expected = string.Join('\n', ReadmeExamples.Normalize(examples[k].Output));
            var actual = string.Join('\n', ReadmeExamples.Normalize(outputs[k]));
            Assert.True(expected == actual, $"README drifted at line {examples[k].OutputStart}: {examples[k].CommandLine}\n--- README\n{expected}\n--- now\n{actual}\n"
                + "Refresh with: RAGPAPERS_REFRESH_README=1 dotnet test tests/RagPapers.Cli.Tests --filter ReadmeExamples");
        }
    }

    // stdout and stderr through one pipe, in the order they were written, as a terminal shows them.
    private static async Task<string> RunAsync(ReadmeExample example, string store)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = TestPaths.RepoRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-c", "exec dotnet \"$0\" \"$@\" 2>&1", CliProcess.CliBinary, .. example.Arguments])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["RAGPAPERS_Store__Sqlite__Path"] = store;
        info.Environment["RAGPAPERS_Embeddings__Provider"] = Embedder;
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        var read = process.StandardOutput.ReadToEndAsync();
        foreach (var line in example.Input)
        {
            await process.StandardInput.WriteLineAsync(line);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        var output = await read;
        Assert.True(process.ExitCode == 0, $"{example.CommandLine} exited {process.ExitCode}:\n{output}");
        return output;
    }
}
