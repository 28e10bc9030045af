using System.Diagnostics;
using System.Text;
using RagPapers.Testing.Files;

namespace RagPapers.Testing.Cli;

/// <summary>The real `ragpapers` program run as a child process from the repo root, driven through stdin/stdout.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly object _gate = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The variable that picks the embedder, set to Local for every test process unless the test says otherwise.</summary>
    public const string EmbedderVariable = "RAGPAPERS_Embeddings__Provider";

    /// <summary>An environment that leaves Embeddings:Provider at the repository's default (the neural embedder).</summary>
    public static IReadOnlyDictionary<string, string> NeuralDefault { get; } = new Dictionary<string, string> { [EmbedderVariable] = "" };

    public int Id => _process.Id;

    /// <summary>
    /// ragpapers.dll in the CLI project's own output (same configuration as the tests). Not the copy beside the
    /// tests: this project references Microsoft.AspNetCore.App for the loopback LLM stand-in, so the
    /// Microsoft.Extensions assemblies the CLI needs are taken from that framework and not copied here.
    /// </summary>
    public static string CliBinary { get; } = FindCliBinary();

    public string StandardOutput
    {
        get { lock (_gate) { return _stdout.ToString(); } }
    }

    public string StandardError
    {
        get { lock (_gate) { return _stderr.ToString(); } }
    }

    public static CliProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        // env --default-signal=INT: a test host may run with SIGINT ignored, and a child inherits that;
        // the Ctrl-C test needs the default disposition, as in a terminal.
        var info = new ProcessStartInfo("env")
        {
            WorkingDirectory = TestPaths.RepoRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(CliBinary);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Tests that are not about the neural embedder run with the hashed one; a test about another embedder names
        // it in its environment, and NeuralDefault (an empty value) leaves the repository's default in force.
        info.Environment[EmbedderVariable] = "Local";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            if (value.Length == 0)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        return new CliProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet"));
    }

    private static string FindCliBinary()
    {
        // The tests' own output folder ends in bin/<configuration>/<tfm>; the CLI's sits at the same suffix.
        // (Several test projects use this, so the suffix is taken from whichever runs.)
        var output = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var suffix = output[(output.LastIndexOf($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) + 1)..];
        var cli = Path.Combine(TestPaths.RepoRoot, "src", "RagPapers.Cli", suffix, "ragpapers.dll");
        return File.Exists(cli) ? cli : throw new FileNotFoundException($"The CLI's build output {cli} is missing; build RagPapers.sln first.");
    }

    /// <summary>Runs to completion with <paramref name="input"/> on stdin (then closed).</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, string input = "", IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(args, environment);
        await process.WriteAsync(input);
        process.CloseInput();
        return await process.WaitAsync(TimeSpan.FromSeconds(120));
    }

    public async Task WriteAsync(string text)
    {
        await _process.StandardInput.WriteAsync(text);
        await _process.StandardInput.FlushAsync();
    }

    public void CloseInput() => _process.StandardInput.Close();

    public async Task<CliResult> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // flushes the async output readers
        return new CliResult(_process.ExitCode, StandardOutput, StandardError);
    }

    /// <summary>Waits until stdout contains <paramref name="text"/>, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!StandardOutput.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"'{text}' never appeared. stdout:\n{StandardOutput}\nstderr:\n{StandardError}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Sends a real POSIX signal (INT for Ctrl-C, TERM, KILL for a crash) straight from this process, so no helper program's start-up delays it.</summary>
    public void Signal(string signal)
    {
        var number = signal switch { "INT" => 2, "KILL" => 9, "TERM" => 15, _ => throw new ArgumentException("INT, TERM or KILL", nameof(signal)) };
        if (SendSignal(Id, number) != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {Id} failed");
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.AppendLine(line);
        }
    }
}

public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
