using Microsoft.Extensions.Logging;

namespace RagPapers.Evaluation;

internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Information, "Indexed {Papers} papers ({Chunks} chunks) in {Seconds:F2} s")]
    public static partial void Indexed(ILogger logger, int papers, int chunks, double seconds);

    [LoggerMessage(4002, LogLevel.Information, "Ran {Queries} queries: nDCG {Ndcg:F4}, recall {Recall:F4}, p50 {P50Ms:F2} ms")]
    public static partial void Scored(ILogger logger, int queries, double ndcg, double recall, double p50Ms);
}
