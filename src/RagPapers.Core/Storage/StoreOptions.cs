using System.ComponentModel.DataAnnotations;

namespace RagPapers.Storage;

/// <summary>The "Store" section: where the index lives.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>"Sqlite" (embedded default) or "Qdrant".</summary>
    [Required]
    [RegularExpression("^(Sqlite|Qdrant)$", ErrorMessage = "Store:Provider must be \"Sqlite\" or \"Qdrant\".")]
    public string Provider { get; set; } = "Sqlite";

    [Microsoft.Extensions.Options.ValidateObjectMembers]
    public SqliteStoreOptions Sqlite { get; set; } = new();

    public QdrantStoreOptions Qdrant { get; set; } = new();

    /// <summary>
    /// How many chunk vectors a SQLite store holds before dense search goes through the approximate (HNSW) index
    /// persisted beside the store file; below it every vector is scanned (compact int8 copies, re-scored in full
    /// precision), so small collections rank exactly as before.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "Store:ApproximateIndexMinVectors must be a whole number of vectors of at least 1 (default 100000); lower it to use the approximate index on smaller stores.")]
    public int ApproximateIndexMinVectors { get; set; } = DefaultApproximateIndexMinVectors;

    /// <summary>100,000 vectors: int8 copies of that many 384-dim vectors take 40 MB and scan in a few milliseconds.</summary>
    public const int DefaultApproximateIndexMinVectors = 100_000;
}

/// <summary>The "Store:Sqlite" section.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The SQLite file; relative paths are resolved against the content root.</summary>
    [Required(ErrorMessage = "Store:Sqlite:Path must name the store file (e.g. \"data/ragpapers.db\").")]
    public string Path { get; set; } = "data/ragpapers.db";

    /// <summary>
    /// Up to this many chunks, keyword search ranks from term statistics read into memory by the first search (the
    /// fastest per query); above it, from the keyword postings and term counts kept on disk, so neither memory nor the first
    /// search grows with the collection.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "Store:Sqlite:InMemoryKeywordChunks must be 0 or more (0 ranks every store from disk).")]
    public int InMemoryKeywordChunks { get; set; } = DefaultInMemoryKeywordChunks;

    /// <summary>10,000 chunks: SciFact (5,183) and the bundled collection stay on the in-memory path, the fastest per query.</summary>
    public const int DefaultInMemoryKeywordChunks = 10_000;
}
