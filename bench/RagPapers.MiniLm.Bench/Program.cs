using RagPapers.MiniLm.Bench;

// The MiniLM embedder's speed and agreement with fp32, outside the pipeline; see docs/benchmarks.md for the figures.
var arguments = BenchArguments.Parse(args);
return arguments.Command switch
{
    "throughput" => await EmbedderBenchmark.ThroughputAsync(arguments),
    "queries" => await EmbedderBenchmark.QueriesAsync(arguments),
    "agree" => await EmbedderBenchmark.AgreeAsync(arguments),
    _ => throw new ArgumentException($"Unknown command '{arguments.Command}': throughput, queries or agree."),
};
