using RagPapers.Bench;

// Measures the foundation's speed targets in-process; see docs/benchmarks.md for the figures.
return await CoreBenchmark.RunAsync(args);
