namespace RagPapers.Storage.Sqlite;

/// <summary>What opening a store did: created it, migrated it from <paramref name="MigratedFrom"/>, or dropped the vectors of <paramref name="ReplacedEmbedder"/>.</summary>
internal sealed record SchemaOutcome(bool Created, int? MigratedFrom, EmbedderDescriptor? ReplacedEmbedder);
