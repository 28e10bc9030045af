namespace RagPapers.Storage.Sqlite;

/// <summary>How the SQLite store searches by vector (Store:ApproximateIndexMinVectors).</summary>
/// <param name="ApproximateMinVectors">
/// From this many chunk vectors on, dense search goes through the HNSW index persisted beside the store file;
/// below it every vector is scanned, from compact int8 copies re-scored in full precision.
/// </param>
public sealed record DenseSearchSettings(int ApproximateMinVectors = DenseSearchSettings.DefaultApproximateMinVectors)
{
    public const int DefaultApproximateMinVectors = StoreOptions.DefaultApproximateIndexMinVectors;

    public static DenseSearchSettings Default { get; } = new();

    /// <summary>
    /// Candidates of the exact int8 scan re-scored in float32 for <paramref name="top"/> hits: int8 rounding moves a
    /// cosine by about a thousandth, far less than the gap between rank <paramref name="top"/> and rank top + 64.
    /// </summary>
    internal static int RescoreDepth(int top) => top + 64;

    /// <summary>
    /// Candidates taken from the HNSW index for <paramref name="top"/> hits, before any filter: its recall, not int8, is
    /// what they make up for. At a million clustered vectors, top 10: 94 candidates gave recall@10 0.94, 222 give 0.97
    /// for 0.9 ms more at p50 (docs/benchmarks.md, "The 1M benchmark").
    /// </summary>
    internal static int ApproximateDepth(int top) => (top * 3) + 192;
}
