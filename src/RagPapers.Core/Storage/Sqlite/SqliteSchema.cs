using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>Creates the store's tables, brings an existing store up to date (<see cref="SqliteMigrations"/>) and adopts the configured embedder.</summary>
internal static class SqliteSchema
{
    private const int NotADatabase = 26; // SQLITE_NOTADB
    private const int Busy = 5; // SQLITE_BUSY: another process writes; the caller reports the store as busy
    private const int Locked = 6; // SQLITE_LOCKED

    // The tables as version 1 created them; SqliteMigrations takes a new store from here, as it takes an old one.
    // The FTS table is contentless (the text lives in chunks) with contentless_delete so a replaced paper's
    // rows can be removed by rowid, which is chunks.id.
    private const string Version1Sql = """
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

    // mmap_size is set by the index when it opens the connection (SqlitePaperIndex.MemoryMapBytes), before any read.
    // temp_store: the scratch FTS5 tables (stems, term counts, feedback candidates) live in memory, not in a temp file.
    // wal_autocheckpoint: the WAL is copied into the file once it holds 50,000 pages (about 200 MB), not 1,000. An ingest
    // batch rewrites many of the same index pages as the last; checkpointed after every commit, each was written to the
    // file again and again. A million-paper ingest took 310 s instead of 351 s. The WAL is checkpointed and removed when
    // the store closes; after a kill, the next open reads it back once.
    private const string PragmasSql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=50000;";

    // Switching embedders keeps papers, chunks and the FTS index: only the vectors go, in the transaction that
    // records the new embedder, so no search ever sees two embedders' vectors (the semantic indexer refills them).
    private const string AdoptEmbedderSql = """
        UPDATE meta SET value = $embedder WHERE key = 'embedder_id';
        UPDATE meta SET value = $dims WHERE key = 'dimensions';
        UPDATE chunks SET vector = NULL WHERE vector IS NOT NULL;
        """;

    /// <summary>Sets the pragmas, creates or migrates the schema, and makes <paramref name="embedder"/> the store's embedder.</summary>
    public static async Task<SchemaOutcome> EnsureAsync(SqliteConnection connection, string path, EmbedderDescriptor embedder, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(connection, null, PragmasSql, cancellationToken);
            var created = await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master", cancellationToken) == 0;
            if (created)
            {
                await CreateAsync(connection, embedder, cancellationToken);
            }

            var meta = await ReadMetaAsync(connection, path, cancellationToken);
            var version = CheckVersion(meta, path);
            await MigrateAsync(connection, path, version, cancellationToken);
            var replaced = await AdoptEmbedderAsync(connection, meta, embedder, cancellationToken);
            return new SchemaOutcome(created, !created && version < SqliteMigrations.Latest ? version : null, replaced);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == NotADatabase)
        {
            throw new StoreIncompatibleException(
                $"{path} is not a RagPapers store (it is not a SQLite database). Delete {path} and run `ragpapers ingest`, or point Store:Sqlite:Path at another file.");
        }
    }

    private static async Task CreateAsync(SqliteConnection connection, EmbedderDescriptor embedder, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        await ExecuteAsync(connection, transaction, Version1Sql, cancellationToken);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO meta(key, value) VALUES ('schema_version', '1'), ('embedder_id', $embedder), ('dimensions', $dims)";
        insert.Parameters.AddWithValue("$embedder", embedder.Id);
        insert.Parameters.AddWithValue("$dims", embedder.Dimensions.ToString(CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
    }

    /// <remarks>
    /// One transaction per step: a failed step rolls back to the last version reached, and the store names itself.
    /// Each takes the write lock at once (BEGIN IMMEDIATE) and reads the version again under it, so when two processes
    /// open an old store together the second waits and then finds the step done.
    /// </remarks>
    private static async Task MigrateAsync(SqliteConnection connection, string path, int version, CancellationToken cancellationToken)
    {
        foreach (var migration in SqliteMigrations.All.Where(m => m.Version > version))
        {
            try
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                if (await StoredVersionAsync(connection, transaction, cancellationToken) >= migration.Version)
                {
                    continue;
                }

                await migration.ApplyAsync(connection, transaction, cancellationToken);
                using var bump = connection.CreateCommand();
                bump.Transaction = transaction;
                bump.CommandText = "UPDATE meta SET value = $version WHERE key = 'schema_version'";
                bump.Parameters.AddWithValue("$version", migration.Version.ToString(CultureInfo.InvariantCulture));
                await bump.ExecuteNonQueryAsync(cancellationToken);
                transaction.Commit();
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is not (NotADatabase or Busy or Locked))
            {
                throw new StoreIncompatibleException(
                    $"Upgrading the store {path} to schema version {migration.Version} ({migration.Description}) failed ({ex.Message}); the store was left at the version before. Delete {path} and run `ragpapers ingest` to rebuild it.");
            }
        }
    }

    private static async Task<int> StoredVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        return int.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!, CultureInfo.InvariantCulture);
    }

    /// <summary>The embedder the store was built with when it is not <paramref name="embedder"/> (its vectors are then dropped), else null.</summary>
    private static async Task<EmbedderDescriptor?> AdoptEmbedderAsync(
        SqliteConnection connection, Dictionary<string, string> meta, EmbedderDescriptor embedder, CancellationToken cancellationToken)
    {
        var storedId = meta.GetValueOrDefault("embedder_id", "unknown");
        var storedDims = meta.GetValueOrDefault("dimensions", "0");
        if (storedId == embedder.Id && storedDims == embedder.Dimensions.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = AdoptEmbedderSql;
        command.Parameters.AddWithValue("$embedder", embedder.Id);
        command.Parameters.AddWithValue("$dims", embedder.Dimensions.ToString(CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
        return new EmbedderDescriptor(storedId, int.TryParse(storedDims, CultureInfo.InvariantCulture, out var dims) ? dims : 0);
    }

    private static async Task<Dictionary<string, string>> ReadMetaAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'", cancellationToken) == 0)
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

    /// <summary>The store's schema version; throws for one this build cannot migrate (newer, or never written by RagPapers).</summary>
    private static int CheckVersion(Dictionary<string, string> meta, string path)
    {
        var stored = meta.GetValueOrDefault("schema_version", "none");
        var latest = SqliteMigrations.Latest;
        if (int.TryParse(stored, CultureInfo.InvariantCulture, out var version) && version >= 1 && version <= latest)
        {
            return version;
        }

        throw new StoreIncompatibleException(version > latest
            ? $"The store {path} has schema version {stored}, written by a newer RagPapers; this version reads schema versions 1 to {latest}. Upgrade RagPapers, or point Store:Sqlite:Path at another file."
            : $"The store {path} has schema version {stored}, which no RagPapers release wrote; this version reads schema versions 1 to {latest}. Delete {path} and run `ragpapers ingest` to rebuild it.");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
