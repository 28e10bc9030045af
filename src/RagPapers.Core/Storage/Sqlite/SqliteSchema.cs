using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>Creates the store's tables, checks an existing store against this build and embedder, and upgrades an older one.</summary>
internal static class SqliteSchema
{
    private const int NotADatabase = 26; // SQLITE_NOTADB

    // Schema version 1, the first release's; later versions are SqliteMigrations applied on top.
    // The FTS table is contentless (the text lives in chunks) with contentless_delete so a replaced paper's
    // rows can be removed by rowid, which is chunks.id.
    private const string CreateSql = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE papers(
            id TEXT PRIMARY KEY, title TEXT NOT NULL, abstract TEXT NOT NULL, authors TEXT NOT NULL,
            published TEXT NULL, source TEXT NOT NULL, arxiv_id TEXT NULL, content_hash TEXT NOT NULL);
        CREATE INDEX papers_source ON papers(source);
        CREATE TABLE chunks(
            id INTEGER PRIMARY KEY, paper_id TEXT NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL);
        CREATE INDEX chunks_paper ON chunks(paper_id);
        CREATE VIRTUAL TABLE chunks_fts USING fts5(title, text, content='', contentless_delete=1, tokenize='porter unicode61');
        """;

    // mmap_size: pages are read through a memory map instead of one read() call each. A keyword search walks thousands
    // of FTS pages; on SciFact this took about a millisecond off a search at depth 100. It reserves address space
    // (up to 256 MB of the file), not memory: the pages are the OS page cache's.
    private const string PragmasSql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456;";

    /// <summary>
    /// Sets the pragmas, then creates the schema in an empty file, or validates a populated one and upgrades it in
    /// place when it is of an older schema version (<see cref="SqliteMigrations"/>).
    /// </summary>
    /// <returns>Whether the store was created, and the version it was upgraded from (null: no upgrade).</returns>
    public static async Task<(bool Created, int? UpgradedFrom)> EnsureAsync(SqliteConnection connection, string path, EmbedderDescriptor embedder, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(connection, null, PragmasSql, cancellationToken);
            if (await ScalarAsync(connection, null, "SELECT count(*) FROM sqlite_master", cancellationToken) == 0)
            {
                await CreateAsync(connection, embedder, cancellationToken);
                return (true, null);
            }

            var meta = await ReadMetaAsync(connection, path, cancellationToken);
            var version = CheckVersion(meta.GetValueOrDefault("schema_version", "none"), path);
            CheckEmbedder(meta, path, embedder);
            return version < SqlitePaperIndex.SchemaVersion ? (false, await UpgradeAsync(connection, path, cancellationToken)) : (false, null);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == NotADatabase)
        {
            throw new StoreIncompatibleException(
                $"{path} is not a RagPapers store (it is not a SQLite database). Delete {path} and run `ragpapers ingest`, or point Store:Sqlite:Path at another file.");
        }
    }

    // A new store is the first schema plus every migration, so new and upgraded stores cannot drift apart.
    private static async Task CreateAsync(SqliteConnection connection, EmbedderDescriptor embedder, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        await ExecuteAsync(connection, transaction, CreateSql, cancellationToken);
        foreach (var migration in SqliteMigrations.All)
        {
            await migration.ApplyAsync(connection, transaction, cancellationToken);
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO meta(key, value) VALUES ('schema_version', $schema), ('embedder_id', $embedder), ('dimensions', $dims)";
        insert.Parameters.AddWithValue("$schema", SqlitePaperIndex.SchemaVersion.ToString(CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("$embedder", embedder.Id);
        insert.Parameters.AddWithValue("$dims", embedder.Dimensions.ToString(CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
    }

    /// <summary>Applies the missing migrations; returns the version the store had. A failure leaves the store as it was.</summary>
    private static async Task<int> UpgradeAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await MigrateAsync(connection, cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode != NotADatabase)
        {
            throw new StoreIncompatibleException(
                $"Upgrading the store {path} to schema version {SqlitePaperIndex.SchemaVersion} failed ({ex.Message}); the store was left as it was. Delete {path} and run `ragpapers ingest` to rebuild it.");
        }
    }

    /// <remarks>
    /// One transaction: a failed step rolls the whole upgrade back. It takes the write lock at once (BEGIN IMMEDIATE)
    /// and reads the version again under it, so when two processes open an old store together the second waits and
    /// then finds nothing left to do.
    /// </remarks>
    private static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = int.Parse(
            (string)(await ScalarObjectAsync(connection, transaction, "SELECT value FROM meta WHERE key = 'schema_version'", cancellationToken))!,
            CultureInfo.InvariantCulture);
        foreach (var migration in SqliteMigrations.After(version))
        {
            await migration.ApplyAsync(connection, transaction, cancellationToken);
        }

        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE meta SET value = $schema WHERE key = 'schema_version'";
        update.Parameters.AddWithValue("$schema", SqlitePaperIndex.SchemaVersion.ToString(CultureInfo.InvariantCulture));
        await update.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
        return version;
    }

    private static async Task<Dictionary<string, string>> ReadMetaAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, null, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'", cancellationToken) == 0)
        {
            throw new StoreIncompatibleException(
                $"{path} is a SQLite database but not a RagPapers store (it has no meta table). Delete {path} and run `ragpapers ingest`, or point Store:Sqlite:Path at another file.");
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM meta";
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            meta[reader.GetString(0)] = reader.GetString(1);
        }

        return meta;
    }

    /// <summary>The store's schema version when this build can open it (now or after upgrading it), else a refusal.</summary>
    private static int CheckVersion(string schema, string path)
    {
        var latest = SqlitePaperIndex.SchemaVersion;
        if (!int.TryParse(schema, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < SqliteMigrations.BaseVersion)
        {
            throw new StoreIncompatibleException(
                $"The store {path} has schema version {schema}; this version of RagPapers uses schema version {latest}. Delete {path} and run `ragpapers ingest` to rebuild it.");
        }

        if (version > latest)
        {
            throw new StoreIncompatibleException(
                $"The store {path} has schema version {version}, written by a newer RagPapers; this version reads schema versions up to {latest}. Use the newer RagPapers, or delete {path} and run `ragpapers ingest` to rebuild it.");
        }

        return version;
    }

    private static void CheckEmbedder(Dictionary<string, string> meta, string path, EmbedderDescriptor embedder)
    {
        var storedId = meta.GetValueOrDefault("embedder_id", "unknown");
        var storedDims = meta.GetValueOrDefault("dimensions", "?");
        if (storedId != embedder.Id || storedDims != embedder.Dimensions.ToString(CultureInfo.InvariantCulture))
        {
            throw new StoreIncompatibleException(
                $"The store {path} was built with embedder '{storedId}' ({storedDims} dims); this configuration uses '{embedder.Id}' ({embedder.Dimensions} dims). Delete {path} and run `ragpapers ingest` to re-embed the collection.");
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken) =>
        (long)(await ScalarObjectAsync(connection, transaction, sql, cancellationToken))!;

    private static async Task<object?> ScalarObjectAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
