using System.ComponentModel.DataAnnotations;

namespace RagPapers.Ingestion;

/// <summary>The "Collection" section: which files make up the default collection.</summary>
public sealed class CollectionOptions
{
    public const string Section = "Collection";

    /// <summary>Files or folders ingested into an empty store on first run; relative paths are resolved against the content root.</summary>
    [MinLength(1, ErrorMessage = "Collection:Paths must name at least one file or folder (e.g. \"data/papers\").")]
    // No default here: the configuration binder appends to an array the options class already holds, so a default
    // could never be replaced (--Collection:Paths:0=mine.jsonl would load mine.jsonl and data/papers). The default
    // collection is the one appsettings.json names.
    public string[] Paths { get; set; } = [];
}
