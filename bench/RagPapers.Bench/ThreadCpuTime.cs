using System.Runtime.InteropServices;

namespace RagPapers.Bench;

/// <summary>
/// The calling thread's CPU time (user + system) from getrusage(RUSAGE_THREAD), in microseconds: on a machine shared
/// with other builds, wall time per operation measures the load as much as the code.
/// </summary>
internal static class ThreadCpuTime
{
    private const int RusageThread = 1;

    /// <summary>Milliseconds of CPU the calling thread has used so far.</summary>
    public static double Milliseconds()
    {
        if (GetRusage(RusageThread, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return ((usage.UserSeconds + usage.SystemSeconds) * 1000.0) + ((usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0);
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, out Rusage usage);

    // struct rusage on 64-bit Linux: two timevals (seconds, microseconds as longs), then 14 longs not read here (144 bytes).
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }
}
