using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RagPapers.Hosting;
using RagPapers.Ingestion;
using RagPapers.Papers;
using RagPapers.Storage;
using RagPapers.Storage.Qdrant;

namespace RagPapers.Bench;

/// <summary>
/// The measured inputs of the README's Qdrant sizing table: chunks per paper, BM25 length and sparse non-zeros per
/// chunk, and payload bytes per point, over the bundled collection with the default chunking.
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

        long chunks = 0, nonZeros = 0, length = 0, chunkPayload = 0, paperPayload = 0, abstractChars = 0;
        foreach (var paper in papers.Values)
        {
            abstractChars += paper.Abstract.Length;
            var document = new PaperDocument(paper, PaperHashing.ContentHash(paper), []);
            paperPayload += JsonSerializer.SerializeToUtf8Bytes(PaperPoints.Paper(document).Payload, QdrantJsonContext.Default.PointPayload).Length;
            foreach (var chunk in chunker.Split(paper))
            {
                var point = PaperPoints.Chunk(paper, new IndexedChunk(chunk, new float[1]), encoder);
                chunks++;
                nonZeros += point.Vector.Sparse!.Indices.Count;
                length += (Bm25SparseEncoder.TitleWeight * Text.TextAnalyzer.Terms(paper.Title).Count) + Text.TextAnalyzer.Terms(chunk.Text).Count;
                chunkPayload += JsonSerializer.SerializeToUtf8Bytes(point.Payload, QdrantJsonContext.Default.PointPayload).Length;
            }
        }

        Print("papers (unique)", papers.Count);
        Print("mean abstract length, chars", (double)abstractChars / papers.Count);
        Print("chunks", chunks);
        Print("chunks per paper", (double)chunks / papers.Count);
        Print("mean BM25 length per chunk (title x2 + text terms)", (double)length / chunks);
        Print("mean sparse non-zeros per chunk", (double)nonZeros / chunks);
        Print("mean chunk payload, JSON bytes", (double)chunkPayload / chunks);
        Print("mean paper payload, JSON bytes", (double)paperPayload / papers.Count);
        return 0;
    }

    private static void Print(string name, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {value:0.##}"));
}
