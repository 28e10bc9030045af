namespace RagPapers.Testing.Storage;

/// <summary>
/// A chunk's text as a test reads it from a store's rows: since schema 9 a chunk that is its paper's whole abstract holds
/// '' and stands for <c>papers.abstract</c>. The tests' own spelling of the store's rule, so an oracle built from the rows
/// does not share the code it checks.
/// </summary>
public static class StoredChunkText
{
    /// <summary>The text of the chunk joined as <c>c</c>, with its paper joined as <c>p</c>.</summary>
    public const string Sql = "CASE WHEN c.text = '' THEN p.abstract ELSE c.text END";
}
