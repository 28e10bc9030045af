namespace RagPapers.Core.Tests;

internal static class TestPaths
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

        throw new InvalidOperationException("RagPapers.sln not found above " + AppContext.BaseDirectory);
    }
}
