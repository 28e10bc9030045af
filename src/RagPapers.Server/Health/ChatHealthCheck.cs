using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RagPapers.Hosting;

namespace RagPapers.Server.Health;

/// <summary>
/// Reports the answer writer's dependency. With Chat:Provider "None" there is no LLM to reach; a generative writer
/// registers its own reachability check with the "ready" tag, which /health/ready then includes.
/// </summary>
internal sealed class ChatHealthCheck(IOptions<ChatOptions> chat) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(chat.Value.Provider == "None"
            ? HealthCheckResult.Healthy("Chat:Provider is \"None\": extractive answers, no LLM to reach.")
            : HealthCheckResult.Healthy($"Chat:Provider is \"{chat.Value.Provider}\"; its endpoint is checked by the writer's own check."));
}
