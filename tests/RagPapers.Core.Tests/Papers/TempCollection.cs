using System.Text;

namespace RagPapers.Core.Tests.Papers;

/// <summary>A throw-away folder of collection files for one test.</summary>
internal sealed class TempCollection : IDisposable
{
    public TempCollection()
    {
        Folder = Path.Combine(Path.GetTempPath(), "ragpapers-readers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Write(string name, string content) => WriteBytes(name, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
