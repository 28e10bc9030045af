namespace RagPapers.Testing.Storage;

/// <summary>
/// FTS5 itself as the oracle for a store's keyword counts and bm25() scores: a scratch FTS5 table, with the tokenizer
/// the store's terms follow, filled from the store's live chunks and their papers' titles on the test's own connection.
/// The store keeps no FTS5 index of its own; this one is built from its rows, not from its postings.
/// </summary>
public static class Fts5Reference
{
    /// <summary>
    /// Creates <c>temp.reference</c> (rowid = chunk id, columns title and text) and <c>temp.fts_row</c>, its
    /// fts5vocab 'row' table (term, doc, cnt), on the connection it runs on.
    /// </summary>
    public const string CreateSql = $"""
        CREATE VIRTUAL TABLE temp.reference USING fts5(title, text, tokenize='porter unicode61');
        INSERT INTO temp.reference(rowid, title, text) SELECT c.id, p.title, {StoredChunkText.Sql} FROM chunks c JOIN papers p ON p.id = c.paper_id;
        CREATE VIRTUAL TABLE temp.fts_row USING fts5vocab(temp, reference, row);
        """;
}
