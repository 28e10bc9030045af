using System.Diagnostics;
using System.Globalization;
using System.Text;
using RagPapers.Configuration;

namespace RagPapers.Bench;

/// <summary>
/// The README's first run, timed from outside: the built `ragpapers` chat started on a fresh store with the default
/// configuration, one question typed as soon as the prompt shows, and the time until its answer's sources are
/// printed; then until /status says the semantic index is complete. Build the CLI first
/// (`dotnet build -c Release src/RagPapers.Cli`).
/// </summary>
internal static class FirstRunBenchmark
{
    private const string Question = "How do masked autoencoders help medical imaging with small datasets?";

    public static async Task<int> RunAsync()
    {
        var root = ContentRoot.Locate();
        var cli = Path.Combine(root.Path, "src", "RagPapers.Cli", "bin", "Release", "net10.0", "ragpapers.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"{cli} is missing: run `dotnet build -c Release src/RagPapers.Cli` first.");
            return 1;
        }

        var folder = Directory.CreateTempSubdirectory("ragpapers-first-run-");
        try
        {
            using var chat = Start(cli, root.Path, Path.Combine(folder.FullName, "store.db"));
            var output = new StringBuilder();
            _ = PumpAsync(chat.StandardOutput, output);
            var started = Stopwatch.StartNew();
            var prompt = await WaitForAsync(output, "> ", started);
            await chat.StandardInput.WriteLineAsync(Question);
            var answered = await WaitForAsync(output, "Sources:", started);
            Report("prompt shown", prompt);
            Report("first answer printed", answered, Contains(output, "keyword results only") ? "keyword search, semantic index still being built" : "hybrid");
            while (!Contains(output, ": complete;"))
            {
                await chat.StandardInput.WriteLineAsync("/status");
                await Task.Delay(500);
            }

            Report("semantic index complete (within 0.5 s)", started.Elapsed.TotalMilliseconds, "");
            await chat.StandardInput.WriteLineAsync("/quit");
            await chat.WaitForExitAsync();
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Process Start(string cli, string workingDirectory, string store)
    {
        var info = new ProcessStartInfo("dotnet", [cli, "--store", store])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("RAGPAPERS_", StringComparison.Ordinal)).ToArray())
        {
            info.Environment.Remove(key); // the repository's defaults, as on a fresh clone
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (output)
            {
                output.Append(buffer, 0, read);
            }
        }
    }

    private static bool Contains(StringBuilder output, string text)
    {
        lock (output)
        {
            return output.ToString().Contains(text, StringComparison.Ordinal);
        }
    }

    private static async Task<double> WaitForAsync(StringBuilder output, string text, Stopwatch started)
    {
        while (!Contains(output, text))
        {
            if (started.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"'{text}' never appeared:\n{output}");
            }

            await Task.Delay(5);
        }

        return started.Elapsed.TotalMilliseconds;
    }

    private static void Report(string name, double milliseconds, string detail = "") =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {milliseconds / 1000:0.00} s{(detail.Length > 0 ? $" ({detail})" : "")}"));
}
