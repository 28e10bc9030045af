using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using RagPapers.OpenAICompatible;

namespace RagPapers.Embeddings;

/// <summary>
/// Embeddings from any OpenAI-compatible /v1/embeddings endpoint (OpenAI, Azure OpenAI v1, Ollama, vLLM,
/// llama.cpp, LM Studio) through M.E.AI's OpenAI generator, on an IHttpClientFactory client with the same
/// resilience pipeline as the chat model's (retries, timeouts, circuit breaker). Each call, reading the response
/// included, is bounded by Embeddings:TimeoutSeconds, and failures become <see cref="EmbeddingServiceException"/>
/// with a message a user can act on.
/// </summary>
/// <remarks>
/// The model's dimensions are not configured: the store learns them by embedding one probe text
/// (EmbedderDescriptors.DescribeAsync) and records "openai/MODEL", so a store built with another embedder is
/// refused and must be re-indexed, never mixed.
/// </remarks>
public sealed class OpenAICompatibleEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingsOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;

    private OpenAICompatibleEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, HttpClient http, EmbeddingsOptions options, TimeProvider time)
        : base(inner)
    {
        _http = http;
        _options = options;
        _time = time;
    }

    /// <param name="http">A client with the resilience pipeline (AddRagPapersEmbedder's named client).</param>
    public static OpenAICompatibleEmbeddingGenerator Create(EmbeddingsOptions options, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint),
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0), // the HttpClient retries, honouring Retry-After
            NetworkTimeout = Timeout.InfiniteTimeSpan, // bounded per call below
        };

        // ApiKeyCredential refuses an empty key; EmptyKeyAuthorizationHandler removes the placeholder's header again.
        var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey), clientOptions);
        return new OpenAICompatibleEmbeddingGenerator(client.GetEmbeddingClient(options.Model).AsIEmbeddingGenerator(), http, options, time);
    }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.TimeoutSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await base.GenerateAsync(values, options, linked.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = ex is OperationCanceledException && timeout.IsCancellationRequested
                ? NoAnswerInTime
                : Describe(LlmFailure.From(ex));
            throw new EmbeddingServiceException(
                $"The embeddings endpoint {EndpointText.Redact(_options.Endpoint)} (model '{_options.Model}') failed: {failure}. Check Embeddings:Endpoint, Embeddings:Model and Embeddings:ApiKey, or set Embeddings:Provider to \"Local\".",
                ex);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _http.Dispose();
        }

        base.Dispose(disposing);
    }

    private string NoAnswerInTime => $"no answer within {_options.TimeoutSeconds} s";

    private string Describe(LlmFailure failure) => failure.Kind switch
    {
        LlmFailureKind.TimedOut => NoAnswerInTime,
        LlmFailureKind.HttpError or LlmFailureKind.ToolsRejected => $"HTTP {failure.Status}: {FirstLine(failure.Detail)}",
        LlmFailureKind.Unreachable => "unreachable (" + FirstLine(failure.Detail) + ")",
        LlmFailureKind.BadResponse => "the response is not an embeddings list (" + FirstLine(failure.Detail) + ")",
        _ => FirstLine(failure.Detail),
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
