using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Indexing;
using RagPapers.Ingestion;
using RagPapers.Retrieval;

namespace RagPapers.Evaluation;

/// <summary>
/// Measures retrieval on a BEIR benchmark with the parts users run: the corpus goes through the configured
/// <see cref="Ingestor"/> into the configured (empty) store, its vectors through the <see cref="SemanticIndexer"/>
/// (index time counts both), every judged query through the configured <see cref="IPaperRetriever"/>, and the run
/// is scored as trec_eval scores it.
/// </summary>
public sealed class RetrievalEvaluator(
    PaperLibrary library,
    Ingestor ingestor,
    SemanticIndexer semanticIndexer,
    IPaperRetriever retriever,
    IOptions<RetrievalOptions> options,
    TimeProvider time,
    ILogger<RetrievalEvaluator> logger)
{
    /// <summary>Written in the tag column of the run file.</summary>
    public const string RunTag = "ragpapers";

    // Untimed queries first. .NET compiles the query path in tiers (quick JIT, then PGO-instrumented, then optimized)
    // over its first few hundred calls: on SciFact the first hundred timed queries took twice the later ones' p50 after
    // a 10-query warm-up. Questions the qrels do not judge warm it, so no timed question meets its own cached embedding.
    private const int MaxWarmUpQueries = 300;

    // Without unjudged questions, the first judged ones warm the process (their embeddings are then cached).
    private const int FallbackWarmUpQueries = 10;

    /// <exception cref="EvaluationInputException">An input is malformed, or the store is not empty.</exception>
    /// <exception cref="FileNotFoundException">An input file does not exist.</exception>
    public async Task<EvaluationReport> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.K, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Depth, request.K);

        // Read every small input before the long indexing, so a typo fails in milliseconds.
        RequireFile(request.CorpusPath);
        var queries = await BeirQueriesReader.ReadAsync(RequireFile(request.QueriesPath), cancellationToken);
        var qrels = await Qrels.ReadAsync(RequireFile(request.QrelsPath), cancellationToken);
        var offTopic = request.OffTopicQueriesPath is { } path ? await BeirQueriesReader.ReadAsync(RequireFile(path), cancellationToken) : null;

        var index = await IndexAsync(request.CorpusPath, request.KeywordOnly, cancellationToken);
        var texts = queries.ToDictionary(q => q.Id, q => q.Text, StringComparer.Ordinal);
        var judged = qrels.ScoredQueryIds.Where(texts.ContainsKey).Select(id => new BeirQuery(id, texts[id])).ToArray();
        var (warmUp, warmUpJudged) = WarmUpQueries(queries, judged);
        var (run, latency) = await RunAsync(warmUp, judged, request, cancellationToken);
        var metrics = RetrievalMetrics.Score(run, qrels, request.K, request.Depth);
        Log.Scored(logger, judged.Length, metrics.Ndcg, metrics.Recall, latency.P50.TotalMilliseconds);
        var calibration = offTopic is null ? null : await CalibrateAsync(judged, offTopic, request, cancellationToken);
        return new EvaluationReport(index, run, metrics, latency, judged.Length, qrels.ScoredQueryIds.Count - judged.Length, calibration)
        {
            WarmUpQueries = warmUp.Length,
            WarmUpJudged = warmUpJudged,
        };
    }

    private static (BeirQuery[] Queries, bool Judged) WarmUpQueries(IReadOnlyList<BeirQuery> queries, BeirQuery[] judged)
    {
        var timed = judged.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var unjudged = queries.Where(q => !timed.Contains(q.Id)).Take(MaxWarmUpQueries).ToArray();
        return unjudged.Length > 0 ? (unjudged, false) : ([.. judged.Take(FallbackWarmUpQueries)], true);
    }

    private async Task<IndexReport> IndexAsync(string corpusPath, bool keywordOnly, CancellationToken cancellationToken)
    {
        await library.OpenAsync(cancellationToken);
        var stored = await library.Index.CountPapersAsync(cancellationToken);
        if (stored > 0)
        {
            throw new EvaluationInputException(
                $"The store already holds {stored} papers; an evaluation must search the corpus alone. Leave out --store (a temporary store is used) or name a new store.");
        }

        var started = time.GetTimestamp();
        var summary = await ingestor.IngestAsync(new BeirCorpusReader().ReadAsync(corpusPath, cancellationToken), progress: null, cancellationToken: cancellationToken);
        if (!keywordOnly)
        {
            await semanticIndexer.CompleteAsync(progress: null, cancellationToken);
        }

        var elapsed = time.GetElapsedTime(started);
        var chunks = await library.Index.CountChunksAsync(cancellationToken);
        Log.Indexed(logger, summary.Added, chunks, elapsed.TotalSeconds);
        return new IndexReport(summary.Added, chunks, summary.Skipped, summary.Diagnostics, elapsed);
    }

    private async Task<(TrecRun Run, LatencySummary Latency)> RunAsync(
        BeirQuery[] warmUp, BeirQuery[] queries, EvaluationRequest request, CancellationToken cancellationToken)
    {
        foreach (var query in warmUp)
        {
            await retriever.RetrieveAsync(Ranking(query, request), cancellationToken);
        }

        var run = new TrecRun();
        var timings = new List<TimeSpan>(queries.Length);
        foreach (var query in queries)
        {
            var started = time.GetTimestamp();
            var result = await retriever.RetrieveAsync(Ranking(query, request), cancellationToken);
            timings.Add(time.GetElapsedTime(started));
            foreach (var paper in result.Papers)
            {
                run.Add(query.Id, paper.Paper.Id, paper.Score);
            }
        }

        return (run, LatencySummary.From(timings));
    }

    // The decision users meet: the configured TopK, MMR as configured, the configured threshold.
    private async Task<CalibrationReport> CalibrateAsync(BeirQuery[] onTopic, IReadOnlyList<BeirQuery> offTopic, EvaluationRequest request, CancellationToken cancellationToken)
    {
        async Task<double[]> BestAsync(IReadOnlyList<BeirQuery> queries)
        {
            var best = new double[queries.Count];
            for (var i = 0; i < queries.Count; i++)
            {
                var result = await retriever.RetrieveAsync(new RetrievalRequest(queries[i].Text, CorrectSpelling: request.CorrectSpelling), cancellationToken);
                best[i] = result.Papers.Count == 0 ? 0 : result.Papers.Max(p => p.Relevance);
            }

            return best;
        }

        return request.KeywordOnly
            ? new CalibrationReport(options.Value.KeywordOnlyMinRelevance, await BestAsync(onTopic), await BestAsync(offTopic), "Retrieval:KeywordOnlyMinRelevance")
            : new CalibrationReport(options.Value.MinRelevance, await BestAsync(onTopic), await BestAsync(offTopic));
    }

    private static RetrievalRequest Ranking(BeirQuery query, EvaluationRequest request) =>
        new(query.Text, request.Depth, Diversify: false, CorrectSpelling: request.CorrectSpelling);

    private static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path}: no such file (full path: {Path.GetFullPath(path)}).", path);
}
