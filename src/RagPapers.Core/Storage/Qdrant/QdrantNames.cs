namespace RagPapers.Storage.Qdrant;

/// <summary>Names of the collection's vectors and payload fields: changing one means re-indexing.</summary>
internal static class QdrantNames
{
    public const string DenseVector = "dense";
    public const string SparseVector = "bm25";

    public const string Kind = "kind";
    public const string PaperId = "paper_id";
    public const string Ordinal = "ordinal";
    public const string Source = "source";
    public const string Published = "published";
    public const string Text = "text";
    public const string ContentHash = "content_hash";
    public const string Title = "title";
    public const string Abstract = "abstract";
    public const string Authors = "authors";
    public const string ArxivId = "arxiv_id";

    public const string PaperKind = "paper";
    public const string ChunkKind = "chunk";
}
