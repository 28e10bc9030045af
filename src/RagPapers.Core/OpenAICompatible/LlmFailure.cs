using System.ClientModel;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace RagPapers.OpenAICompatible;

/// <summary>A classified LLM failure and the one-line notice shown with the extractive answer instead.</summary>
public sealed record LlmFailure(LlmFailureKind Kind, int? Status = null, string Detail = "")
{
    private const string Fallback = "; showing the extractive answer";

    public string Notice => Kind switch
    {
        LlmFailureKind.Unreachable => "LLM unreachable" + Fallback,
        LlmFailureKind.TimedOut => "LLM did not answer in time" + Fallback,
        LlmFailureKind.HttpError => $"LLM failed (HTTP {Status?.ToString(CultureInfo.InvariantCulture) ?? "error"})" + Fallback,
        LlmFailureKind.BadResponse => "LLM sent a response that could not be read" + Fallback,
        LlmFailureKind.ToolsRejected => "LLM rejected the tool definitions (set Chat:UseTools to Off or Auto)" + Fallback,
        LlmFailureKind.ToolLoop => "LLM kept searching without answering" + Fallback,
        LlmFailureKind.Empty => "LLM gave an empty answer" + Fallback,
        LlmFailureKind.NoCitation => "LLM answer cited none of the sources" + Fallback,
        _ => "LLM failed" + Fallback,
    };

    /// <summary>Classifies an exception thrown by the connector or the HTTP pipeline (inner exceptions included).</summary>
    public static LlmFailure From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var status = StatusOf(current);
            if (status is > 0)
            {
                var detail = DetailOf(current);
                return new LlmFailure(LooksLikeToolRejection(status.Value, detail) ? LlmFailureKind.ToolsRejected : LlmFailureKind.HttpError, status, detail);
            }

            switch (current)
            {
                case Polly.CircuitBreaker.BrokenCircuitException:
                    return new LlmFailure(LlmFailureKind.Unreachable, null, "skipped: the endpoint was found down moments ago and is tried again shortly");
                case HttpRequestException:
                    return new LlmFailure(LlmFailureKind.Unreachable, null, current.Message);
                case TimeoutException or Polly.Timeout.TimeoutRejectedException:
                    return new LlmFailure(LlmFailureKind.TimedOut, null, current.Message);
                case JsonException or FormatException:
                    return new LlmFailure(LlmFailureKind.BadResponse, null, current.Message);
            }
        }

        return new LlmFailure(LlmFailureKind.Other, null, exception.Message);
    }

    private static int? StatusOf(Exception exception) => exception switch
    {
        HttpOperationException { StatusCode: HttpStatusCode code } => (int)code,
        ClientResultException { Status: > 0 } client => client.Status,
        _ => null,
    };

    private static string DetailOf(Exception exception) => exception switch
    {
        HttpOperationException http => http.ResponseContent ?? http.Message,
        _ => exception.Message,
    };

    // Ollama: "… does not support tools"; vLLM: "\"auto\" tool choice requires --enable-auto-tool-choice …";
    // llama.cpp without --jinja: "tools param requires --jinja flag".
    private static bool LooksLikeToolRejection(int status, string detail) =>
        status is 400 or 404 or 422 or 500 or 501 && detail.Contains("tool", StringComparison.OrdinalIgnoreCase);
}
