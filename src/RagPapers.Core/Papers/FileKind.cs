using System.Runtime.InteropServices;

namespace RagPapers.Papers;

/// <summary>
/// Why a path of a collection cannot be read as a regular file, found before it is opened: opening a named pipe
/// blocks until a writer comes (forever, in a folder nobody writes to), and a device such as /dev/zero never ends.
/// </summary>
internal static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int Socket = 0xC000;

    /// <summary>Null for a regular file (or a link to one), else the reason to skip it.</summary>
    public static string? Problem(string path)
    {
        if (new FileInfo(path).LinkTarget is not null && LinkProblem(path) is { } link)
        {
            return link;
        }

        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        return Stat(path) switch
        {
            null => null, // stat failed: opening the file reports the error
            Regular => null,
            Fifo => "a named pipe (FIFO), not a regular file; skipped",
            CharacterDevice or BlockDevice => "a device, not a regular file; skipped",
            Socket => "a socket, not a regular file; skipped",
            Directory => "a folder, not a file; skipped",
            _ => "not a regular file; skipped",
        };
    }

    private static string? LinkProblem(string path)
    {
        try
        {
            var target = File.ResolveLinkTarget(path, returnFinalTarget: true);
            return target is null || target.Exists || System.IO.Directory.Exists(target.FullName)
                ? null
                : $"a symbolic link to {target.FullName}, which does not exist; skipped";
        }
        catch (IOException)
        {
            return "a symbolic link that leads back to itself (a loop); skipped";
        }
    }

    // The runtime's own native shim (what FileInfo uses underneath): its FileStatus starts with Flags and Mode on
    // every platform, and Mode carries the POSIX file type bits, which no managed API exposes.
    private static int? Stat(string path)
    {
        try
        {
            return SystemNativeStat(path, out var status) == 0 ? status.Mode & TypeMask : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code for this one call.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SystemNativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

    // Only the leading fields are read; the size leaves room for the rest of the shim's structure.
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }
}
