using Cloud.Unum.USearch;

namespace RagPapers.Storage.Sqlite;

/// <summary>The HNSW index's shape: cosine over int8 codes (a quarter of float32's size), 16 links per node.</summary>
internal static class HnswParameters
{
    public const ulong Connectivity = 16;
    public const ulong ExpansionAdd = 64;
    public const ulong ExpansionSearch = 128;

    /// <summary>Candidates fetched from the index per requested hit; many more when a filter will drop some.</summary>
    public static int OverFetch(int top, SearchFilter? filter) =>
        DenseSearchSettings.ApproximateDepth(top) * (filter is { IsEmpty: false } ? 8 : 1);

    public static USearchIndex Create(int dimensions) =>
        new(MetricKind.Cos, ScalarKind.Int8, (ulong)dimensions, Connectivity, ExpansionAdd, ExpansionSearch, multi: false);
}
