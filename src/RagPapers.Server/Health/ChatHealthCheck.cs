using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RagPapers.Answering.Llm;

namespace RagPapers.Server.Health;

/// <summary>
/// Whether the configured LLM can be reached: with Chat:Provider "None" there is none to reach; otherwise GET
/// {Chat:Endpoint}/models must get an HTTP answer that does not refuse the key. Any answer proves the endpoint is
/// up (not every OpenAI-compatible server lists models); no answer within 5 s, or a 401/403, is unhealthy. Answers
/// still come (the LLM writer falls back to the extractive one), but not the ones configured.
/// </summary>
internal sealed class ChatHealthCheck(IOptions<ChatOptions> chat, IHttpClientFactory clients) : IHealthCheck
{
    public const string HttpClientName = "ragpapers-llm-health";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var options = chat.Value;
        if (!options.IsEnabled)
        {
            return HealthCheckResult.Healthy("Chat:Provider is \"None\": extractive answers, no LLM to reach.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.Endpoint.TrimEnd('/') + "/models"));
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        }

        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? HealthCheckResult.Unhealthy($"The LLM endpoint {options.Endpoint} refuses Chat:ApiKey ({(int)response.StatusCode}).")
                : HealthCheckResult.Healthy($"The LLM endpoint {options.Endpoint} answers; model {options.Model}.");
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"The LLM endpoint {options.Endpoint} cannot be reached: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The LLM endpoint {options.Endpoint} did not answer within {Patience.TotalSeconds:0} s.");
        }
    }
}
