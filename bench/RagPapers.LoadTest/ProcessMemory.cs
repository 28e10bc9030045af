using System.Globalization;

namespace RagPapers.LoadTest;

/// <summary>Resident memory of a process, from /proc/PID/status (Linux), in MB; null where that is not available.</summary>
internal static class ProcessMemory
{
    public static double? ResidentMegabytes(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? null : double.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024;
    }
}
