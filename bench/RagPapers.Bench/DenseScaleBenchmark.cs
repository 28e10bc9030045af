using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Papers;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Bench;

/// <summary>
/// Dense search at scale: <c>dense-scale build N DIR</c> writes N clustered 384-dim vectors (one chunk per paper)
/// straight into a new store in DIR, with the exact top 10 of each benchmark query, then builds the HNSW index;
/// <c>dense-scale search DIR</c> opens the store as a fresh process would and measures recall@10 against the exact
/// answer and query latency. Each prints wall and CPU time and peak RSS.
/// </summary>
internal static class DenseScaleBenchmark
{
    private const int Dimensions = 384;
    private const int Queries = 200;
    private const int Top = 10;
    private static readonly EmbedderDescriptor Embedder = new("bench-clustered", Dimensions);

    public static async Task<int> RunAsync(string[] args) => args switch
    {
        [_, "build", var count, var dir] => await BuildAsync(int.Parse(count, CultureInfo.InvariantCulture), dir),
        [_, "search", var dir] => await SearchAsync(dir),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: dense-scale build N DIR | dense-scale search DIR");
        return 2;
    }

    /// <summary>The collection's vectors: 2,000 clusters, seed 20 (also what <see cref="FillVectorsBenchmark"/> writes).</summary>
    internal static ClusteredVectors Data() => new(Dimensions, clusters: 2_000, seed: 20);

    private static ClusteredVectors QueryData() => new(Dimensions, clusters: 2_000, seed: 20); // same topics, other points

    private static async Task<int> BuildAsync(int count, string dir)
    {
        Directory.CreateDirectory(dir);
        var store = Path.Combine(dir, "dense.db");
        foreach (var file in Directory.EnumerateFiles(dir, "dense.db*"))
        {
            File.Delete(file);
        }

        var data = Data();
        var queries = Enumerable.Range(0, Queries).Select(q => QueryData().Vector(-1 - q)).ToArray();
        var truth = queries.Select(_ => new TopTen()).ToArray();
        var watch = Stopwatch.StartNew();
        await using (var index = new SqlitePaperIndex(store, NullLogger<SqlitePaperIndex>.Instance, denseSearch: new DenseSearchSettings(int.MaxValue)))
        {
            await index.OpenAsync(Embedder);
            for (var start = 0; start < count; start += 2_000)
            {
                var batch = Enumerable.Range(start, Math.Min(2_000, count - start)).Select(i => Document(i, data.Vector(i), queries, truth)).ToList();
                await index.UpsertAsync(batch);
            }
        }

        Measure($"wrote {count:N0} vectors (and their exact top 10 for {Queries} queries)", watch);
        await File.WriteAllLinesAsync(Path.Combine(dir, "truth.txt"), truth.Select(t => string.Join(' ', t.Ids())));

        watch.Restart();
        await using (var index = new SqlitePaperIndex(store, NullLogger<SqlitePaperIndex>.Instance, denseSearch: new DenseSearchSettings(1)))
        {
            await index.OpenAsync(Embedder);
            await index.BuildApproximateIndexAsync();
        }

        Measure($"built the HNSW index ({new FileInfo(store + ".usearch").Length / 1e6:F0} MB file)", watch);
        return 0;
    }

    private static PaperDocument Document(int i, float[] vector, float[][] queries, TopTen[] truth)
    {
        for (var q = 0; q < queries.Length; q++)
        {
            truth[q].Offer(System.Numerics.Tensors.TensorPrimitives.Dot(vector, queries[q]), i);
        }

        var id = $"p{i}";
        var paper = new Paper(id, $"Paper {i}", $"Synthetic abstract of paper {i}.", [], new DateOnly(2020, 1, 1).AddDays(i % 1_500), "dense-scale", null);
        return new PaperDocument(paper, id, [new IndexedChunk(new Chunk(id, 0, paper.Abstract), vector)]);
    }

    private static async Task<int> SearchAsync(string dir)
    {
        var store = Path.Combine(dir, "dense.db");
        var truth = (await File.ReadAllLinesAsync(Path.Combine(dir, "truth.txt"))).Select(l => l.Split(' ').ToHashSet()).ToArray();
        var queries = Enumerable.Range(0, Queries).Select(q => QueryData().Vector(-1 - q)).ToArray();
        var watch = Stopwatch.StartNew();
        await using var index = new SqlitePaperIndex(store, NullLogger<SqlitePaperIndex>.Instance, denseSearch: new DenseSearchSettings(1));
        await index.OpenAsync(Embedder);
        Measure($"opened the store (vector bytes read: {index.DenseWork.VectorBytesRead:N0})", watch);
        watch.Restart();
        await index.VectorSearchAsync(queries[0], Top);
        Measure("first query (maps the HNSW file)", watch);

        var latencies = new List<double>();
        var found = 0;
        for (var q = 0; q < Queries; q++)
        {
            var started = Stopwatch.GetTimestamp();
            var hits = await index.VectorSearchAsync(queries[q], Top);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            found += hits.Count(h => truth[q].Contains(h.PaperId[1..]));
        }

        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recall@10 vs exact: {found / (double)(Queries * Top):F4}; query p50 {latencies[Queries / 2]:F2} ms, p95 {latencies[Queries * 95 / 100]:F2} ms"));
        Measure("searched", Stopwatch.StartNew());
        return 0;
    }

    internal static void Measure(string what, Stopwatch watch)
    {
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {watch.Elapsed.TotalSeconds:F2} s wall; process CPU so far {self.TotalProcessorTime.TotalSeconds:F1} s; peak RSS {self.PeakWorkingSet64 / 1e6:F0} MB"));
    }

    /// <summary>The ten best (score, index) pairs offered.</summary>
    private sealed class TopTen
    {
        private readonly PriorityQueue<int, float> _heap = new();

        public void Offer(float score, int index)
        {
            if (_heap.Count < Top)
            {
                _heap.Enqueue(index, score);
            }
            else if (_heap.TryPeek(out _, out var worst) && score > worst)
            {
                _heap.DequeueEnqueue(index, score);
            }
        }

        public IEnumerable<string> Ids() => _heap.UnorderedItems.Select(e => e.Element.ToString(CultureInfo.InvariantCulture));
    }
}
