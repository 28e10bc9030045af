namespace RagPapers.Configuration;

/// <summary>The folder that holds appsettings.json; relative paths in configuration are resolved against it.</summary>
public sealed class ContentRoot(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>
    /// The nearest folder at or above <paramref name="start"/> that holds appsettings.json, so
    /// `dotnet run --project src/RagPapers.Cli` from anywhere in the clone finds the one shared file;
    /// else the application's own folder (a published tool carries its copy).
    /// </summary>
    public static ContentRoot Locate(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "appsettings.json")))
            {
                return new ContentRoot(dir.FullName);
            }
        }

        return new ContentRoot(AppContext.BaseDirectory);
    }

    /// <summary><paramref name="path"/> as is when absolute, else under the content root.</summary>
    public string Resolve(string path) => System.IO.Path.GetFullPath(path, Path);
}
