using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using RagPapers.Answering.Assistant;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.Extractive;
using RagPapers.Answering.Llm;
using RagPapers.Configuration;
using RagPapers.Embeddings;
using RagPapers.OpenAICompatible;
using ChatOptions = RagPapers.Answering.Llm.ChatOptions;

namespace RagPapers.Hosting;

/// <summary>Composition of the OpenAI-compatible providers: the embedder switch, the LLM writer and the writer registry.</summary>
public static class LlmServiceCollectionExtensions
{
    /// <summary>The IHttpClientFactory name of the chat model's client.</summary>
    public const string ChatHttpClientName = "RagPapers.Chat";

    /// <summary>The IHttpClientFactory name of the OpenAI-compatible embedder's client.</summary>
    public const string EmbeddingsHttpClientName = "RagPapers.Embeddings";

    /// <summary>
    /// The embedder of Embeddings:Provider: the offline local one, an OpenAI-compatible endpoint, or one an
    /// add-on registered as an <see cref="EmbeddingProviderRegistration"/>. A store
    /// records which embedder built it and refuses another, so switching means deleting the store and re-indexing.
    /// </summary>
    public static IServiceCollection AddRagPapersEmbedder(this IServiceCollection services)
    {
        services.TryAddSingleton<LocalEmbeddingGenerator>();
        services.AddOpenAICompatibleHttpClient(EmbeddingsHttpClientName, EmbeddingsResilience, sp => sp.GetRequiredService<IOptions<EmbeddingsOptions>>().Value.ApiKey);
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmbeddingsOptions>>().Value;
            return options.Provider switch
            {
                EmbeddingsOptions.OpenAIProvider => OpenAICompatibleEmbeddingGenerator.Create(options, sp.GetRequiredService<IHttpClientFactory>().CreateClient(EmbeddingsHttpClientName), sp.GetRequiredService<TimeProvider>()),
                EmbeddingsOptions.LocalProvider => sp.GetRequiredService<LocalEmbeddingGenerator>(),

                // Validation at start-up has already refused a provider that nobody registered.
                _ => sp.GetServices<EmbeddingProviderRegistration>().First(a => a.Name == options.Provider).Create(sp),
            };
        });
        return services;
    }

    /// <summary>
    /// The answer writers: every registered <see cref="IAnswerWriter"/> (the extractive one) plus, when
    /// Chat:Provider is "OpenAI", the Semantic Kernel <see cref="LlmAnswerWriter"/>, which is then the default.
    /// </summary>
    public static IServiceCollection AddRagPapersLlm(this IServiceCollection services)
    {
        services.TryAddSingleton<ExtractiveAnswerWriter>();
        services.TryAddSingleton(sp => PromptLibrary.FromOptions(sp.GetRequiredService<IOptions<ChatOptions>>(), sp.GetRequiredService<ContentRoot>()));
        services.AddOpenAICompatibleHttpClient(ChatHttpClientName, ChatResilience, sp => sp.GetRequiredService<IOptions<ChatOptions>>().Value.ApiKey);
        services.TryAddSingleton(sp => CreateKernel(sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(ChatHttpClientName)));
        services.TryAddSingleton<LlmAnswerWriter>();
        services.TryAddSingleton(sp =>
        {
            var chat = sp.GetRequiredService<IOptions<ChatOptions>>().Value;
            var writers = sp.GetServices<IAnswerWriter>().ToList();
            if (chat.IsEnabled)
            {
                writers.Add(sp.GetRequiredService<LlmAnswerWriter>());
            }

            return new AnswerWriters(writers, chat.IsEnabled ? LlmAnswerWriter.WriterName : ExtractiveAnswerWriter.WriterName);
        });
        return services;
    }

    // Embeddings:TimeoutSeconds bounds one request, retries included; a Retry-After longer than that is not waited for.
    private static EndpointResilience EmbeddingsResilience(IServiceProvider services)
    {
        var embeddings = services.GetRequiredService<IOptions<EmbeddingsOptions>>().Value;
        var timeout = TimeSpan.FromSeconds(embeddings.TimeoutSeconds);
        return new EndpointResilience(embeddings.MaxRetries, timeout, timeout, timeout);
    }

    // One request, retries included, may take what a whole answer may (Chat:TimeoutSeconds, which the writer also
    // holds the answer to across tool steps and streaming); so may one attempt, since a model writing a long answer
    // without streaming sends its headers only at the end.
    private static EndpointResilience ChatResilience(IServiceProvider services)
    {
        var chat = services.GetRequiredService<IOptions<ChatOptions>>().Value;
        var timeout = TimeSpan.FromSeconds(chat.TimeoutSeconds);
        return new EndpointResilience(chat.MaxRetries, TimeSpan.FromSeconds(chat.MaxRetryAfterSeconds), timeout, timeout);
    }

    // SK's OpenAI connector on a custom endpoint: given an HttpClient it switches off the SDK's own retries and
    // network timeout, so the client's resilience pipeline and the writer's Chat:TimeoutSeconds are the only ones.
    private static Kernel CreateKernel(IServiceProvider services, HttpClient http)
    {
        var chat = services.GetRequiredService<IOptions<ChatOptions>>().Value;
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        builder.AddOpenAIChatCompletion(
            modelId: chat.Model,
            endpoint: new Uri(chat.Endpoint),
            apiKey: string.IsNullOrEmpty(chat.ApiKey) ? null : chat.ApiKey,
            httpClient: http);
        return builder.Build();
    }
}
