using System.Globalization;
using Microsoft.Extensions.Options;
using RagPapers.Configuration;
using RagPapers.Embeddings;
using RagPapers.Ingestion;
using RagPapers.Papers;
using RagPapers.Storage;
using RagPapers.Storage.Qdrant;

namespace RagPapers.Bench;

/// <summary>
/// The measured inputs of the README's Qdrant sizing table: chunks per paper, BM25 length and sparse non-zeros per
/// chunk, and bytes per point as the gRPC client sends them (protobuf: the payload alone, and the whole point with its
/// vectors), over the bundled collection with the default chunking.
/// </summary>
internal static class QdrantSizing
{
    public static async Task<int> RunAsync()
    {
        var root = ContentRoot.Locate();
        var reader = new CollectionReader(CollectionReader.DefaultReaders());
        var chunker = new Chunker(Options.Create(new IngestionOptions()));
        var encoder = new Bm25SparseEncoder(QdrantCollectionSchema.DefaultAverageLength);
        var papers = new Dictionary<string, Paper>(StringComparer.Ordinal);
        await foreach (var record in reader.ReadAsync(CollectionReader.ExpandPaths([root.Resolve("data/papers")])))
        {
            if (record.Paper is { } paper)
            {
                papers.TryAdd(paper.Id, paper);
            }
        }

        long chunks = 0, nonZeros = 0, length = 0, chunkPayload = 0, paperPayload = 0, chunkPoint = 0, abstractChars = 0;
        var dimensions = new EmbeddingsOptions().Dimensions;
        foreach (var paper in papers.Values)
        {
            abstractChars += paper.Abstract.Length;
            var document = new PaperDocument(paper, PaperHashing.ContentHash(paper), []);
            paperPayload += PayloadBytes(PaperPoints.Paper(document));
            foreach (var chunk in chunker.Split(paper))
            {
                var point = PaperPoints.Chunk(paper, new IndexedChunk(chunk, Enumerable.Repeat(0.04f, dimensions).ToArray()), encoder);
                chunks++;
                nonZeros += point.Vectors.Vectors_.Vectors[QdrantNames.SparseVector].Sparse.Indices.Count;
                length += (Bm25SparseEncoder.TitleWeight * Text.TextAnalyzer.Terms(paper.Title).Count) + Text.TextAnalyzer.Terms(chunk.Text).Count;
                chunkPayload += PayloadBytes(point);
                chunkPoint += point.CalculateSize();
            }
        }

        Print("papers (unique)", papers.Count);
        Print("mean abstract length, chars", (double)abstractChars / papers.Count);
        Print("chunks", chunks);
        Print("chunks per paper", (double)chunks / papers.Count);
        Print("mean BM25 length per chunk (title x2 + text terms)", (double)length / chunks);
        Print("mean sparse non-zeros per chunk", (double)nonZeros / chunks);
        Print("mean chunk payload, protobuf bytes", (double)chunkPayload / chunks);
        Print("mean paper payload, protobuf bytes", (double)paperPayload / papers.Count);
        Print($"mean chunk point with its {dimensions}-dim dense and sparse vectors, protobuf bytes", (double)chunkPoint / chunks);
        return 0;
    }

    // The payload map as it travels in a PointStruct (field 3), tags and lengths included.
    private static int PayloadBytes(global::Qdrant.Client.Grpc.PointStruct point)
    {
        var payloadOnly = new global::Qdrant.Client.Grpc.PointStruct();
        payloadOnly.Payload.Add(point.Payload);
        return payloadOnly.CalculateSize();
    }

    private static void Print(string name, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {value:0.##}"));
}
