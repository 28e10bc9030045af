namespace RagPapers.Testing.Files;

/// <summary>Where the repository and its bundled data are, found by walking up from the test binaries.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string PapersDir => Path.Combine(RepoRoot, "data", "papers");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RagPapers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"RagPapers.sln not found above {AppContext.BaseDirectory}");
    }
}
