using System.Globalization;
using RagPapers.Bench;

// Measures the foundation's speed targets in-process; see docs/benchmarks.md for the figures.
return args switch
{
    ["qdrant-sizing", ..] => await QdrantSizing.RunAsync(),
    ["qdrant-search", ..] => await QdrantSearchBenchmark.RunAsync(args),
    ["semantic-index", ..] => await SemanticIndexBenchmark.RunAsync(),
    ["dense-scale", ..] => await DenseScaleBenchmark.RunAsync(args),
    ["eval-queries", var store, var corpus, var queries, ..] => await EvalQueriesBenchmark.RunAsync(store, corpus, queries, args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 3),
    ["store-queries", var store, var queries, ..] => await StoreQueriesBenchmark.RunAsync(store, queries, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100),
    ["keyword-ranking", var store, var queries, ..] => await KeywordRankingBenchmark.RunAsync(store, queries, args.Length > 3 ? args[3] : null),
    ["keyword-final", var store, var queries, var output, ..] => await KeywordFinalBenchmark.RunAsync(store, queries, output, args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 100),
    ["feedback-tokenize", var store, ..] => await FeedbackTokenizeBenchmark.RunAsync(store, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50),
    ["keyword-decode", var store, var queries] => await KeywordRankingBenchmark.RunDecodeAsync(store, queries),
    ["fill-vectors", var store] => await FillVectorsBenchmark.RunAsync(store),
    ["term-counting", var papers, ..] => await TermCountingBenchmark.RunAsync(papers, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2),
    ["word-counting", var papers, ..] => await WordCountingBenchmark.RunAsync(papers, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5),
    ["first-run", ..] => await FirstRunBenchmark.RunAsync(),
    ["spelling", var corpus, var queries, ..] => await SpellingBenchmark.RunAsync(corpus, queries, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20),
    _ => await CoreBenchmark.RunAsync(args),
};
