namespace RagPapers.Storage.Sqlite;

/// <summary>One step of the store's schema: run in one transaction with the bump of schema_version to <paramref name="Version"/>.</summary>
internal sealed record SqliteMigration(int Version, string Description, string Sql);
