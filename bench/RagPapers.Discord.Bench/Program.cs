using RagPapers.Discord.Bench;

// Measures how fast the bot acknowledges and answers signed interactions; see docs/benchmarks.md.
return await InteractionBenchmark.RunAsync(args);
