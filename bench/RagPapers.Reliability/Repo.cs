namespace RagPapers.Reliability;

/// <summary>Where the repository and the programs under test are: each in its own project's output, built in this configuration.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Cli => Program("RagPapers.Cli", "ragpapers.dll");

    public static string Server => Program("RagPapers.Server", "RagPapers.Server.dll");

    /// <summary>A fresh temporary folder.</summary>
    public static string TempFolder(string purpose) => Directory.CreateTempSubdirectory($"ragpapers-rel-{purpose}-").FullName;

    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a killed child may hold a file for a moment
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Program(string project, string dll)
    {
        // This program runs from bench/RagPapers.Reliability/bin/<configuration>/<tfm>; the programs sit at the same suffix.
        var output = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var suffix = output[(output.LastIndexOf($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) + 1)..];
        var path = Path.Combine(Root, "src", project, suffix, dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing; build this project (it builds the programs too).");
    }

    private static string FindRoot()
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
}
