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
}

/// <summary>The "Store:Sqlite" section.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The SQLite file; relative paths are resolved against the content root.</summary>
    [Required(ErrorMessage = "Store:Sqlite:Path must name the store file (e.g. \"data/ragpapers.db\").")]
    public string Path { get; set; } = "data/ragpapers.db";
}
