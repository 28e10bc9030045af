using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;
using RagPapers.Papers;
using QdrantValue = Qdrant.Client.Grpc.Value;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// How papers and chunks become points. Each paper is one vector-less "paper" point (the paper itself and its
/// content hash, so lookups and listings never touch chunks) plus one "chunk" point per chunk, with the dense
/// vector, the BM25 sparse vector and, for filtering, the paper's date and source. A field without a value is left
/// out, as the REST version of the store wrote it, so collections it created read the same.
/// </summary>
internal static class PaperPoints
{
    /// <summary>The payload fields a search hit needs.</summary>
    public static readonly string[] HitFields = [QdrantNames.PaperId, QdrantNames.Ordinal, QdrantNames.Text];

    public static PointStruct Paper(PaperDocument document)
    {
        var paper = document.Paper;
        var point = new PointStruct { Id = Id(PointIds.Paper(paper.Id)), Vectors = new Vectors { Vectors_ = new NamedVectors() } };
        Common(point.Payload, QdrantNames.PaperKind, paper);
        Add(point.Payload, QdrantNames.Title, paper.Title);
        Add(point.Payload, QdrantNames.Abstract, paper.Abstract);
        point.Payload[QdrantNames.Authors] = new QdrantValue { ListValue = new ListValue { Values = { paper.Authors.Select(a => new QdrantValue { StringValue = a }) } } };
        Add(point.Payload, QdrantNames.ArxivId, paper.ArxivId);
        Add(point.Payload, QdrantNames.ContentHash, document.ContentHash);
        return point;
    }

    public static PointStruct Chunk(Paper paper, IndexedChunk indexed, Bm25SparseEncoder encoder)
    {
        var chunk = indexed.Chunk;
        var vectors = new NamedVectors
        {
            Vectors =
            {
                [QdrantNames.DenseVector] = new Vector { Dense = new DenseVector { Data = { indexed.Vector.ToArray() } } },
                [QdrantNames.SparseVector] = new Vector { Sparse = encoder.Document(paper.Title, chunk.Text).ToGrpc() },
            },
        };
        var point = new PointStruct { Id = Id(PointIds.Chunk(paper.Id, chunk.Ordinal)), Vectors = new Vectors { Vectors_ = vectors } };
        Common(point.Payload, QdrantNames.ChunkKind, paper);
        point.Payload[QdrantNames.Ordinal] = new QdrantValue { IntegerValue = chunk.Ordinal };
        Add(point.Payload, QdrantNames.Text, chunk.Text);
        return point;
    }

    public static PointId Id(string uuid) => new() { Uuid = uuid };

    public static Paper ToPaper(MapField<string, QdrantValue> payload) =>
        new(
            Text(payload, QdrantNames.PaperId) ?? "",
            Text(payload, QdrantNames.Title) ?? "",
            Text(payload, QdrantNames.Abstract) ?? "",
            payload.TryGetValue(QdrantNames.Authors, out var authors) && authors.KindCase == QdrantValue.KindOneofCase.ListValue
                ? [.. authors.ListValue.Values.Select(a => a.StringValue)]
                : [],
            QdrantFilters.ParseDate(Text(payload, QdrantNames.Published)),
            Text(payload, QdrantNames.Source) ?? "",
            Text(payload, QdrantNames.ArxivId));

    public static ChunkHit ToHit(ScoredPoint point) =>
        new(Text(point.Payload, QdrantNames.PaperId) ?? "", Ordinal(point.Payload), Text(point.Payload, QdrantNames.Text) ?? "", point.Score);

    public static IndexedChunk ToIndexedChunk(RetrievedPoint point) =>
        new(new Chunk(Text(point.Payload, QdrantNames.PaperId) ?? "", Ordinal(point.Payload), Text(point.Payload, QdrantNames.Text) ?? ""), DenseOf(point));

    public static string? Text(MapField<string, QdrantValue> payload, string key) =>
        payload.TryGetValue(key, out var value) && value.KindCase == QdrantValue.KindOneofCase.StringValue ? value.StringValue : null;

    private static int Ordinal(MapField<string, QdrantValue> payload) =>
        payload.TryGetValue(QdrantNames.Ordinal, out var value) && value.KindCase == QdrantValue.KindOneofCase.IntegerValue ? checked((int)value.IntegerValue) : 0;

    // Qdrant answers with the dense oneof; older servers fill only the deprecated flat data.
    private static float[] DenseOf(RetrievedPoint point)
    {
        if (point.Vectors?.Vectors?.Vectors.TryGetValue(QdrantNames.DenseVector, out var vector) != true)
        {
            return [];
        }

#pragma warning disable CS0612
        return vector!.Dense is { } dense ? [.. dense.Data] : [.. vector.Data];
#pragma warning restore CS0612
    }

    private static void Common(MapField<string, QdrantValue> payload, string kind, Paper paper)
    {
        Add(payload, QdrantNames.Kind, kind);
        Add(payload, QdrantNames.PaperId, paper.Id);
        Add(payload, QdrantNames.Source, paper.Source);
        Add(payload, QdrantNames.Published, QdrantFilters.FormatDate(paper.Published));
    }

    private static void Add(MapField<string, QdrantValue> payload, string key, string? value)
    {
        if (value is not null)
        {
            payload[key] = new QdrantValue { StringValue = value };
        }
    }
}
