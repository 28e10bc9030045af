using System.Globalization;
using RagPapers.Generate;

// Writes a synthetic collection as JSON Lines (the arXiv snapshot shape `ragpapers ingest` reads); see docs/benchmarks.md, "At scale".
if (args.Length < 3 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var count) || count < 1)
{
    await Console.Error.WriteLineAsync("usage: RagPapers.Generate CORPUS.jsonl COUNT OUT.jsonl [SEED]   (CORPUS: BEIR corpus lines with title and text, e.g. SciFact's)");
    return 2;
}

var seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
var pool = await SentencePool.ReadAsync(args[0]);
var written = await CollectionWriter.WriteAsync(pool, count, seed, args[2]);
await Console.Error.WriteLineAsync($"{written:N0} papers from {pool.Sentences.Count:N0} sentences of {pool.Abstracts:N0} abstracts (seed {seed}) written to {args[2]}");
return 0;
