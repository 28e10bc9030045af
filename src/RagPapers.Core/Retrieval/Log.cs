using Microsoft.Extensions.Logging;

namespace RagPapers.Retrieval;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Trace, Message = "Retrieving for query {Query}")]
    public static partial void Retrieving(ILogger logger, string query);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug,
        Message = "Retrieved {PaperCount} papers from {FusedHits} fused chunk hits in {ElapsedMs:F1} ms; best relevance {BestRelevance:F2}, evidence {HasEvidence}")]
    public static partial void Retrieved(ILogger logger, int paperCount, int fusedHits, double elapsedMs, double bestRelevance, bool hasEvidence);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Found {PaperCount} papers similar to {PaperId}")]
    public static partial void FoundSimilar(ILogger logger, int paperCount, string paperId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Retrieval canceled after {ElapsedMs:F1} ms")]
    public static partial void Canceled(ILogger logger, double elapsedMs);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "Searched: {KeywordHits} keyword and {VectorHits} vector chunk hits")]
    public static partial void Searched(ILogger logger, int keywordHits, int vectorHits);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "The index fused keyword and vector search itself: {FusedHits} chunk hits")]
    public static partial void FusedByIndex(ILogger logger, int fusedHits);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug,
        Message = "Retrieved {PaperCount} papers by keyword alone (semantic index {Embedded}/{Total}) in {ElapsedMs:F1} ms; best coverage {BestRelevance:F2}, evidence {HasEvidence}")]
    public static partial void RetrievedByKeyword(ILogger logger, int paperCount, int embedded, int total, double elapsedMs, double bestRelevance, bool hasEvidence);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Debug, Message = "Spelling correction changed {Words} word(s) of the query")]
    public static partial void QueryCorrected(ILogger logger, int words);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Trace, Message = "Query {Query} searched as {SearchedFor}")]
    public static partial void QueryCorrectedTo(ILogger logger, string query, string searchedFor);
}
