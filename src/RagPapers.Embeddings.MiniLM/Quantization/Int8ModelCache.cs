using System.Security.Cryptography;
using Google.Protobuf;

namespace RagPapers.Embeddings.MiniLM.Quantization;

/// <summary>An ONNX model for ONNX Runtime: a file it reads itself, or bytes held in memory when no file could be written.</summary>
internal sealed record ModelSource(string? Path, byte[]? Bytes)
{
    public static ModelSource FromFile(string path) => new(path, null);

    public static ModelSource InMemory(byte[] bytes) => new(null, bytes);
}

/// <summary>
/// Keeps the int8 rewrite of a model on disk so it is made once, not at every start (about a second and the fp32
/// model's 90 MB read in memory). The file's name carries a hash of the source file and the rewrite's version, so a
/// new source or a changed rewrite is never served a stale model; it is written to a temporary file and renamed into
/// place, so a crash or a concurrent process never leaves a half-written one. The first folder that takes the file
/// wins (the weights' folder, then the user's cache); when none can be written the model stays in memory.
/// </summary>
internal sealed class Int8ModelCache(string sourcePath, string modelName, string scheme, IReadOnlyList<string> folders)
{
    /// <summary>The model file to give ONNX Runtime: the cached rewrite, made now by <paramref name="rewrite"/> when missing or stale.</summary>
    /// <param name="rewrite">Makes the model from the source; given the source's hash to record in it.</param>
    /// <param name="sourceHash">The source's hash when the caller has it (<see cref="SourceHash"/>), else computed here.</param>
    public ModelSource GetOrCreate(Func<string, IMessage> rewrite, Action<string, Exception>? onUnwritable = null, string? sourceHash = null)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        var hash = sourceHash ?? SourceHash();
        var fileName = FileName(hash);
        foreach (var folder in folders)
        {
            var path = Path.Combine(folder, fileName);
            if (File.Exists(path))
            {
                return ModelSource.FromFile(path);
            }
        }

        var model = rewrite(hash);
        try
        {
            foreach (var folder in folders)
            {
                try
                {
                    var path = Write(folder, fileName, model);
                    RemoveStale(folder, fileName);
                    return ModelSource.FromFile(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    onUnwritable?.Invoke(folder, e);
                }
            }

            return ModelSource.InMemory(model.ToByteArray());
        }
        finally
        {
            // The parsed source graph (about 90 MB of arrays) is garbage from here; ONNX Runtime is about to load the
            // model into memory of its own, so the process's peak is lower if the collector returns it first. Once per rewrite.
            model = null;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
    }

    /// <summary>
    /// A rewrite of this model and scheme already in a cache folder, found by its name alone: a start can hand it to
    /// ONNX Runtime while <see cref="SourceHash"/> runs, then keep it only if <see cref="IsRewriteOf"/> says it is current.
    /// </summary>
    public string? Candidate() =>
        folders.Where(Directory.Exists).SelectMany(folder => Directory.EnumerateFiles(folder, $"{modelName}.{scheme}-*.onnx")).FirstOrDefault();

    /// <summary>Whether <paramref name="path"/> is the rewrite of the source whose hash is <paramref name="sourceHash"/>.</summary>
    public bool IsRewriteOf(string path, string sourceHash) => Path.GetFileName(path) == FileName(sourceHash);

    private string FileName(string sourceHash) => $"{modelName}.{scheme}-{sourceHash}.onnx";

    /// <summary>The first 16 hex digits of the source file's SHA-256, read in a stream (60–230 ms for 90 MB).</summary>
    public string SourceHash()
    {
        using var stream = File.OpenRead(sourcePath);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
    }

    private static string Write(string folder, string fileName, IMessage model)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        var temporary = Path.Combine(folder, $".{fileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                model.WriteTo(file);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // Rewrites of an older source or an older scheme of this model: best effort, a file in use stays until next time.
    private void RemoveStale(string folder, string current)
    {
        foreach (var stale in Directory.EnumerateFiles(folder, $"{modelName}.*.onnx").Where(p => Path.GetFileName(p) != current))
        {
            try
            {
                File.Delete(stale);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Kept: another process may still be reading it.
            }
        }
    }
}
