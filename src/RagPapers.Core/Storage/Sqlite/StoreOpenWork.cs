namespace RagPapers.Storage.Sqlite;

/// <summary>
/// What opening a store read: pages SQLite fetched from the file in all (<paramref name="PagesRead"/>), and of those,
/// the pages read to count the chunks with and without vectors (<paramref name="VectorCountPagesRead"/>, the semantic
/// index's progress), which is reported apart.
/// </summary>
internal sealed record StoreOpenWork(long PagesRead, long VectorCountPagesRead)
{
    /// <summary>The pages read for everything but the vector count: the schema, the migrations check, the embedder.</summary>
    public long PagesReadWithoutVectorCount => PagesRead - VectorCountPagesRead;
}
