namespace RagPapers.Web.Tests.Infrastructure;

/// <summary>Files a test leaves for people to look at: artifacts/web-chat/ at the repository root, which CI keeps.</summary>
public static class Artifacts
{
    public static string PathOf(string fileName)
    {
        var folder = Path.Combine(TestPaths.RepoRoot, "artifacts", "web-chat");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}
