using RagPapers.Bench;

// Measures the foundation's speed targets in-process; see docs/benchmarks.md for the figures.
return args is ["qdrant-sizing", ..] ? await QdrantSizing.RunAsync() : await CoreBenchmark.RunAsync(args);
