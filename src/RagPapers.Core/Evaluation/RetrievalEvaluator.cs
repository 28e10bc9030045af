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

    // Untimed queries first: the first searches load the vector matrix and JIT the hot paths.
    private const int WarmUpQueries = 10;

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
        var (run, latency) = await RunAsync(judged, request, cancellationToken);
        var metrics = RetrievalMetrics.Score(run, qrels, request.K, request.Depth);
        Log.Scored(logger, judged.Length, metrics.Ndcg, metrics.Recall, latency.P50.TotalMilliseconds);
        var calibration = offTopic is null ? null : await CalibrateAsync(judged, offTopic, request, cancellationToken);
        return new EvaluationReport(index, run, metrics, latency, judged.Length, qrels.ScoredQueryIds.Count - judged.Length, calibration);
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

    private async Task<(TrecRun Run, LatencySummary Latency)> RunAsync(BeirQuery[] queries, EvaluationRequest request, CancellationToken cancellationToken)
    {
        foreach (var query in queries.Take(WarmUpQueries))
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
