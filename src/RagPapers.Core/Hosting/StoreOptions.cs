using System.ComponentModel.DataAnnotations;

namespace RagPapers.Hosting;

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
    public int ApproximateIndexMinVectors { get; set; } = Storage.Sqlite.DenseSearchSettings.DefaultApproximateMinVectors;
}

/// <summary>The "Store:Sqlite" section.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The SQLite file; relative paths are resolved against the content root.</summary>
    [Required(ErrorMessage = "Store:Sqlite:Path must name the store file (e.g. \"data/ragpapers.db\").")]
    public string Path { get; set; } = "data/ragpapers.db";
}
