namespace RagPapers.Storage.Sqlite;

/// <summary>How the SQLite store searches by vector (Store:ApproximateIndexMinVectors).</summary>
/// <param name="ApproximateMinVectors">
/// From this many chunk vectors on, dense search goes through the HNSW index persisted beside the store file;
/// below it every vector is scanned, from compact int8 copies re-scored in full precision.
/// </param>
public sealed record DenseSearchSettings(int ApproximateMinVectors = DenseSearchSettings.DefaultApproximateMinVectors)
{
    /// <summary>100,000 vectors: int8 copies of that many 384-dim vectors take 40 MB and scan in a few milliseconds.</summary>
    public const int DefaultApproximateMinVectors = 100_000;

    public static DenseSearchSettings Default { get; } = new();

    /// <summary>
    /// Candidates re-scored in full precision for <paramref name="top"/> hits: int8 rounding moves a score by about
    /// a thousandth, so the true top <paramref name="top"/> sit well inside three times as many approximate ones.
    /// </summary>
    internal static int RescoreDepth(int top) => (top * 3) + 64;
}
