using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using RagPapers.Embeddings.MiniLM;
using RagPapers.Embeddings.MiniLM.Inference;

namespace RagPapers.MiniLm.Bench;

/// <summary>
/// Throughput on SciFact abstracts (sent in slices of 256, as the ingestor does), latency of one question at a time,
/// and the cosine between the int8 and fp32 models' vectors. Wall and CPU time are both printed: on a shared machine
/// compare variants by CPU time.
/// </summary>
internal static class EmbedderBenchmark
{
    private const int IngestSlice = 256;

    public static async Task<int> ThroughputAsync(BenchArguments args)
    {
        var texts = SciFact.Abstracts(args.Text("data", SciFact.DefaultFolder), args.Number("count", 1000));
        using var generator = Generator(args);
        var load = Measure.Start();
        await generator.GenerateAsync(["warm-up"]);
        Console.WriteLine($"model load   {load.Report()}");

        var run = Measure.Start();
        for (var offset = 0; offset < texts.Count; offset += IngestSlice)
        {
            await generator.GenerateAsync(texts.GetRange(offset, Math.Min(IngestSlice, texts.Count - offset)));
        }

        var wall = run.Wall.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput   {texts.Count} abstracts: {run.Report()}; {texts.Count / wall:0.0} a second (wall), {texts.Count / run.Cpu.TotalSeconds:0.0} per CPU second"));
        Console.WriteLine($"peak RSS     {Measure.PeakRssMegabytes()} MB");
        return 0;
    }

    public static async Task<int> QueriesAsync(BenchArguments args)
    {
        var claims = SciFact.TestClaims(args.Text("data", SciFact.DefaultFolder));
        using var generator = Generator(args);
        foreach (var claim in claims.Take(10))
        {
            await generator.GenerateVectorAsync(claim);
        }

        var timings = new List<double>(claims.Count);
        var run = Measure.Start();
        foreach (var claim in claims)
        {
            var one = Stopwatch.GetTimestamp();
            await generator.GenerateVectorAsync(claim);
            timings.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
        }

        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one question {claims.Count} test claims: p50 {timings[timings.Count / 2]:0.00} ms, p95 {timings[timings.Count * 95 / 100]:0.00} ms; {run.Report()}, {run.Cpu.TotalMilliseconds / claims.Count:0.00} ms CPU each"));
        return 0;
    }

    public static async Task<int> AgreeAsync(BenchArguments args)
    {
        var folder = args.Text("data", SciFact.DefaultFolder);
        var texts = args.Text("sentences", string.Empty) is { Length: > 0 } file ? [.. File.ReadAllLines(file)]
            : SciFact.Abstracts(folder, args.Number("count", 500)).Concat(SciFact.TestClaims(folder)).ToList();
        using var reference = new MiniLmEmbeddingGenerator(MiniLmWeights.DefaultPath, MiniLmRuntimeOptions.Default with { Int8 = false, Unpadded = false });
        using var candidate = Generator(args);
        var expected = await reference.GenerateAsync(texts);
        var actual = await candidate.GenerateAsync(texts);
        var cosines = expected.Zip(actual, (e, a) => (double)TensorPrimitives.CosineSimilarity(e.Vector.Span, a.Vector.Span)).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agreement    {texts.Count} texts against fp32: cosine min {cosines[0]:0.0000}, 1st percentile {cosines[cosines.Length / 100]:0.0000}, mean {cosines.Average():0.0000}"));
        return 0;
    }

    private static MiniLmEmbeddingGenerator Generator(BenchArguments args)
    {
        var options = MiniLmRuntimeOptions.Default with
        {
            Int8 = args.Flag("int8", MiniLmRuntimeOptions.Default.Int8),
            Unpadded = args.Flag("unpadded", MiniLmRuntimeOptions.Default.Unpadded),
            WeightLimit = args.Number("limit", MiniLmRuntimeOptions.Default.WeightLimit),
            Streams = args.Number("streams", MiniLmRuntimeOptions.Default.Streams),
            ThreadsPerStream = args.Number("threads", MiniLmRuntimeOptions.Default.ThreadsPerStream),
            BatchTokens = args.Number("tokens", MiniLmRuntimeOptions.Default.BatchTokens),
            ProfilePrefix = args.Text("profile", string.Empty) is { Length: > 0 } prefix ? prefix : null,
        };
        Console.WriteLine($"variant      {options with { CacheFolders = null }}");
        return new MiniLmEmbeddingGenerator(MiniLmWeights.DefaultPath, options);
    }
}
