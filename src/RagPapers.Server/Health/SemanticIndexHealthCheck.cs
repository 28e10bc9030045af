using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RagPapers.Indexing;

namespace RagPapers.Server.Health;

/// <summary>
/// The semantic index's progress. Never unhealthy: keyword results are served while the vectors are computed, so the
/// server is ready; Degraded when the background indexer keeps failing (an embeddings endpoint down, say).
/// </summary>
internal sealed class SemanticIndexHealthCheck(SemanticIndexer indexer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = indexer.Status;
        var result = status switch
        {
            { Deferred: false } => HealthCheckResult.Healthy("Vectors are written during ingestion: keyword and semantic search."),
            { Problem: { } problem } => HealthCheckResult.Degraded($"{status.Counts}: keyword results only; the indexer waits: {problem}"),
            { IsComplete: true } => HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{status.Counts}: complete; keyword and semantic search.")),
            _ => HealthCheckResult.Healthy($"{status.Counts}: keyword results only for now; vectors are being computed."),
        };
        return Task.FromResult(result);
    }
}
