using RagPapers.LoadTest;

// HTTP load on loopback against the real server (started here from the repo root unless --url names one);
// see docs/benchmarks.md for the figures and the command.
return await LoadTest.RunAsync(args);
