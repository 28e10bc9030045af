using System.Diagnostics;
using System.Globalization;

namespace RagPapers.MiniLm.Bench;

/// <summary>Wall and process CPU time (user + system, all threads) since a start.</summary>
internal sealed class Measure
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

    public TimeSpan Wall => Stopwatch.GetElapsedTime(_started);

    public TimeSpan Cpu => Process.GetCurrentProcess().TotalProcessorTime - _cpu;

    public static Measure Start() => new();

    /// <summary>The process's peak resident set (VmHWM), which is what /usr/bin/time reports as maximum RSS.</summary>
    public static long PeakRssMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public string Report() => string.Create(CultureInfo.InvariantCulture, $"{Wall.TotalSeconds:0.00} s wall, {Cpu.TotalSeconds:0.00} s CPU");
}
