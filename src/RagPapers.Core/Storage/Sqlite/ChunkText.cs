namespace RagPapers.Storage.Sqlite;

/// <summary>
/// How a chunk's text is stored (schema 9): a chunk that is its paper's whole abstract, as almost every paper's one chunk
/// is, holds '' and is read back as <c>papers.abstract</c>, so the abstract is written once instead of twice (a third of a
/// 100,000-paper store). '' cannot be a chunk's own text: the Chunker cuts non-empty slices and gives a blank abstract no
/// chunk at all. Every read of chunks.text goes through <see cref="Sql"/>.
/// </summary>
internal static class ChunkText
{
    /// <summary>
    /// The text of the chunk joined as <c>c</c>, with its paper joined as <c>p</c>. Under a left join a chunk whose paper
    /// is gone reads as '' (it has no abstract to stand for). Rows written before schema 9 keep their full text and read as is.
    /// </summary>
    public const string Sql = "CASE WHEN c.text <> '' THEN c.text ELSE coalesce(p.abstract, '') END";

    /// <summary>What is written to chunks.text for a chunk of <paramref name="abstractText"/>: '' when the chunk is all of it.</summary>
    public static string Stored(string chunkText, string abstractText) =>
        string.Equals(chunkText, abstractText, StringComparison.Ordinal) ? string.Empty : chunkText;
}
