namespace RagPapers.Core.Tests.Deployment;

/// <summary>
/// Finds the official Qdrant OpenAPI document: RAGPAPERS_SPECS_DIR when set, else <c>shared/specs/</c> beside the
/// repository (or above it), which is where developers and CI keep it. It is never copied into the repository.
/// </summary>
internal static class SpecLocator
{
    public const string QdrantSpecFile = "qdrant-openapi.json";

    public static string QdrantSpecPath()
    {
        var configured = Environment.GetEnvironmentVariable("RAGPAPERS_SPECS_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return Existing(Path.Combine(configured, QdrantSpecFile));
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "specs", QdrantSpecFile);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"{QdrantSpecFile} was not found in shared/specs/ above {AppContext.BaseDirectory}; set RAGPAPERS_SPECS_DIR to the folder that holds it.");
    }

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"RAGPAPERS_SPECS_DIR is set but {path} does not exist.", path);
}
