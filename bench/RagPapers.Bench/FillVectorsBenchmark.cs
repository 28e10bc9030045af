using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Embeddings.MiniLM.Inference;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Bench;

/// <summary>
/// <c>fill-vectors STORE</c>: gives every chunk of a keyword-only store (ingested with the neural default and
/// <c>--no-wait</c>) a clustered 384-dim vector under MiniLM's embedder id, then builds the HNSW file, so a million-paper
/// store can be searched as a complete one without the hours of CPU the real embedder would take (issue #20 allows it).
/// Questions are still embedded by MiniLM; only the collection's vectors are synthetic.
/// </summary>
internal static class FillVectorsBenchmark
{
    private const int Batch = 4_096;

    public static async Task<int> RunAsync(string store)
    {
        var embedder = new EmbedderDescriptor($"{MiniLmEmbeddingGenerator.ProviderName}/{MiniLmEmbeddingGenerator.ModelId}", 384);
        var data = DenseScaleBenchmark.Data();
        var watch = Stopwatch.StartNew();
        var filled = 0;
        await using (var index = new SqlitePaperIndex(store, NullLogger<SqlitePaperIndex>.Instance, denseSearch: new DenseSearchSettings(int.MaxValue)))
        {
            await index.OpenAsync(embedder);
            for (var pending = await index.GetChunksWithoutVectorsAsync(Batch); pending.Count > 0; pending = await index.GetChunksWithoutVectorsAsync(Batch))
            {
                filled += await index.SetVectorsAsync([.. pending.Select(c => new ChunkVector(c.Key, data.Vector(c.Key)))]);
                if (filled % (Batch * 25) < Batch)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{filled:N0} vectors ({watch.Elapsed.TotalSeconds:0} s)"));
                }
            }
        }

        DenseScaleBenchmark.Measure($"wrote {filled:N0} clustered vectors", watch);
        watch.Restart();
        await using (var index = new SqlitePaperIndex(store, NullLogger<SqlitePaperIndex>.Instance, denseSearch: new DenseSearchSettings(1)))
        {
            await index.OpenAsync(embedder);
            await index.BuildApproximateIndexAsync();
        }

        DenseScaleBenchmark.Measure("built the HNSW index", watch);
        return 0;
    }
}
