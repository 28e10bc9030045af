using RagPapers.Papers;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// How papers and chunks become points. Each paper is one vector-less "paper" point (the paper itself and its
/// content hash, so lookups and listings never touch chunks) plus one "chunk" point per chunk, with the dense
/// vector, the BM25 sparse vector and, for filtering, the paper's date and source.
/// </summary>
internal static class PaperPoints
{
    /// <summary>The payload fields a search hit needs.</summary>
    public static readonly string[] HitFields = [QdrantNames.PaperId, QdrantNames.Ordinal, QdrantNames.Text];

    public static PointStruct Paper(PaperDocument document)
    {
        var paper = document.Paper;
        var payload = new PointPayload(
            QdrantNames.PaperKind, paper.Id, paper.Source, QdrantFilters.FormatDate(paper.Published),
            Title: paper.Title, Abstract: paper.Abstract, Authors: paper.Authors, ArxivId: paper.ArxivId, ContentHash: document.ContentHash);
        return new PointStruct(PointIds.Paper(paper.Id), new NamedVectors(), payload);
    }

    public static PointStruct Chunk(Paper paper, IndexedChunk indexed, Bm25SparseEncoder encoder)
    {
        var chunk = indexed.Chunk;
        var vectors = new NamedVectors(indexed.Vector.ToArray(), encoder.Document(paper.Title, chunk.Text));
        var payload = new PointPayload(
            QdrantNames.ChunkKind, paper.Id, paper.Source, QdrantFilters.FormatDate(paper.Published), chunk.Ordinal, chunk.Text);
        return new PointStruct(PointIds.Chunk(paper.Id, chunk.Ordinal), vectors, payload);
    }

    public static Paper ToPaper(PointPayload payload) =>
        new(
            payload.PaperId,
            payload.Title ?? "",
            payload.Abstract ?? "",
            payload.Authors ?? [],
            QdrantFilters.ParseDate(payload.Published),
            payload.Source ?? "",
            payload.ArxivId);

    public static ChunkHit ToHit(ScoredPoint point) =>
        new(point.Payload!.PaperId, point.Payload.Ordinal ?? 0, point.Payload.Text ?? "", point.Score);
}
