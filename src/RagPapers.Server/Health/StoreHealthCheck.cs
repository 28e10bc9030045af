using Microsoft.Extensions.Diagnostics.HealthChecks;
using RagPapers.Storage;
using RagPapers.Server.Collection;

namespace RagPapers.Server.Health;

/// <summary>The store answers a query: counts papers and chunks.</summary>
internal sealed class StoreHealthCheck(IPaperIndex index, CollectionState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Status == CollectionStatus.Loading)
        {
            return HealthCheckResult.Unhealthy("The store is being opened and loaded.");
        }

        try
        {
            var papers = await index.CountPapersAsync(cancellationToken);
            var chunks = await index.CountChunksAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{papers} papers, {chunks} chunks.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The store cannot be queried: {ex.Message}");
        }
    }
}
