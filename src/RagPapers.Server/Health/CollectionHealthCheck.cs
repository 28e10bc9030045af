using Microsoft.Extensions.Diagnostics.HealthChecks;
using RagPapers.Server.Collection;

namespace RagPapers.Server.Health;

/// <summary>Ready once Collection:Paths is loaded into the store; says why not while loading or after a failure.</summary>
internal sealed class CollectionHealthCheck(CollectionState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsReady ? HealthCheckResult.Healthy(state.Description) : HealthCheckResult.Unhealthy(state.Description));
}
