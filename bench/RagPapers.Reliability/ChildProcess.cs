using System.Diagnostics;
using System.Text;

namespace RagPapers.Reliability;

/// <summary>A program under test as a child process, started from the repo root, its output captured.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string StandardOutput
    {
        get { lock (_gate) { return _stdout.ToString(); } }
    }

    public string StandardError
    {
        get { lock (_gate) { return _stderr.ToString(); } }
    }

    /// <summary>`dotnet DLL args`, with SIGINT at its default disposition (a parent may have it ignored).</summary>
    public static ChildProcess Start(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("env")
        {
            WorkingDirectory = Repo.Root, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in (string[])["--default-signal=INT", "dotnet", dll, .. args])
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet"));
    }

    /// <summary>Runs the CLI to completion (stdin closed); a run over <paramref name="timeout"/> is killed and reported as a hang.</summary>
    public static async Task<Outcome> RunCliAsync(IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var child = Start(Repo.Cli, args, environment);
        child._process.StandardInput.Close();
        return await child.WaitAsync(timeout);
    }

    /// <summary>Types <paramref name="text"/> into the program, then ends its input.</summary>
    public async Task WriteAndCloseInputAsync(string text)
    {
        await _process.StandardInput.WriteAsync(text);
        _process.StandardInput.Close();
    }

    public async Task<Outcome> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return new Outcome(null, StandardOutput, StandardError);
        }

        _process.WaitForExit(); // flushes the output readers
        return new Outcome(_process.ExitCode, StandardOutput, StandardError);
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
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                target.AppendLine(line);
            }
        }
    }
}

/// <summary>How a run ended: its exit code (null when it hung and was killed) and its output.</summary>
internal sealed record Outcome(int? ExitCode, string StandardOutput, string StandardError)
{
    public bool Hung => ExitCode is null;

    /// <summary>An unhandled exception or a stack trace anywhere in the output.</summary>
    public bool Crashed => ExitCode is not (0 or 1 or 2 or 130) || StandardError.Contains("Unhandled exception", StringComparison.Ordinal)
        || StandardError.Contains("   at ", StringComparison.Ordinal);
}
