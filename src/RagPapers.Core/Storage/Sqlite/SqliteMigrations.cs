namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Every change to the store's tables since version 1, in order. A store is brought up to date in place when it is
/// opened, one migration (one transaction) at a time, so a user's store survives an upgrade and a kill mid-way
/// leaves it at the last version reached. A new store is created at version 1 and migrated the same way, so both
/// paths end with the same tables. Append new migrations at the end; never edit one that has shipped.
/// </summary>
internal static class SqliteMigrations
{
    // Version 2: a chunk may have no vector yet (the semantic indexer fills it in the background), found through a
    // partial index; ids become AUTOINCREMENT, so the id of a replaced chunk is never given to a new one and a
    // vector computed for the old text cannot land on the new. SQLite cannot drop NOT NULL in place: the table is
    // rebuilt (ids kept, so the FTS rowids still match).
    private const string DeferredVectorsSql = """
        CREATE TABLE chunks_v2(
            id INTEGER PRIMARY KEY AUTOINCREMENT, paper_id TEXT NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL, vector BLOB NULL);
        INSERT INTO chunks_v2(id, paper_id, ordinal, text, vector) SELECT id, paper_id, ordinal, text, vector FROM chunks;
        DROP TABLE chunks;
        ALTER TABLE chunks_v2 RENAME TO chunks;
        CREATE INDEX chunks_paper ON chunks(paper_id);
        CREATE INDEX chunks_without_vector ON chunks(id) WHERE vector IS NULL;
        """;

    // Version 7: keyword search, filtered or not, small store or large, ranks from the store's own postings
    // (KeywordPostingRows), so the FTS5 index goes. Writing it was the largest part of an ingest's writer thread (its
    // rows, its flushes and its merges), for a copy of what the postings hold. Its pages go to the free list, where
    // later writes reuse them.
    private const string DropFtsIndexSql = "DROP TABLE chunks_fts;";

    // Version 8: a filtered keyword search on a large store finds the papers a date range admits through an index, as it
    // finds a source's through papers_source, and ranks a few admitted papers' chunks directly (KeywordPostingsRanking).
    private const string PublishedIndexSql = "CREATE INDEX papers_published ON papers(published);";

    // Version 9: a chunk that is its paper's whole abstract is written as '' and read back as the abstract (ChunkText), so
    // the abstract is stored once. Only the version moves: rows written before keep their full text, which every read
    // still takes as is, and they shrink as their papers are written again. Rewriting them here would hold the upgrade's
    // transaction over every chunk of the store (a million rows) and free pages the file keeps anyway, for space a fresh
    // ingest gets back. The version bump is what matters: a build before 9 refuses a store above its version
    // (SqliteSchema.CheckVersion), so it never reads '' as a chunk's text.
    private static readonly SqliteMigration AbstractOnceStep =
        new(9, "a chunk that is its paper's whole abstract stored once, in papers", (_, _, _) => Task.CompletedTask);

    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        SqliteMigration.FromSql(2, "chunks may wait for their vector", DeferredVectorsSql),
        VocabularyMigration.Step,
        FtsTermsMigration.Step,
        KeywordPostingsMigration.Step,
        KeywordPostingMergeMigration.Step,
        SqliteMigration.FromSql(7, "keyword search from the store's own postings alone", DropFtsIndexSql),
        SqliteMigration.FromSql(8, "papers found by date through an index", PublishedIndexSql),
        AbstractOnceStep,
    ];

    /// <summary>The version a store has once every migration ran.</summary>
    public static int Latest => All[^1].Version;
}
