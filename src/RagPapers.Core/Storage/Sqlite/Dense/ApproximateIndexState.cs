using System.Text.Json;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// What the HNSW file beside the store holds, written (after the file) to <c>STORE.usearch.json</c>: the change-log
/// position it covers, how many vectors, and whose. A missing, unreadable or foreign state means "no index".
/// </summary>
internal sealed record ApproximateIndexState(long Seq, long Count, string EmbedderId, int Dimensions)
{
    public static string IndexPath(string storePath) => storePath + ".usearch";

    public static string StatePath(string storePath) => storePath + ".usearch.json";

    public static ApproximateIndexState? TryRead(string storePath)
    {
        try
        {
            return JsonSerializer.Deserialize<ApproximateIndexState>(File.ReadAllBytes(StatePath(storePath)));
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the state atomically (a temporary file renamed over the old one).</summary>
    public void Write(string storePath)
    {
        var temporary = $"{StatePath(storePath)}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this));
        File.Move(temporary, StatePath(storePath), overwrite: true);
    }

    public bool Fits(EmbedderDescriptor embedder) => EmbedderId == embedder.Id && Dimensions == embedder.Dimensions;
}
