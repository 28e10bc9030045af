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
    private const string ChatHttpClientKey = "ragpapers-chat";

    /// <summary>
    /// The embedder of Embeddings:Provider: the offline local one, an OpenAI-compatible endpoint, or one an
    /// add-on registered as an <see cref="EmbeddingProviderRegistration"/>. A store
    /// records which embedder built it and refuses another, so switching means deleting the store and re-indexing.
    /// </summary>
    public static IServiceCollection AddRagPapersEmbedder(this IServiceCollection services)
    {
        services.TryAddSingleton<LocalEmbeddingGenerator>();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmbeddingsOptions>>().Value;
            return options.Provider switch
            {
                EmbeddingsOptions.OpenAIProvider => OpenAICompatibleEmbeddingGenerator.Create(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OpenAICompatibleEmbeddingGenerator>>()),
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
        services.TryAddKeyedSingleton(ChatHttpClientKey, (sp, _) =>
        {
            var chat = sp.GetRequiredService<IOptions<ChatOptions>>().Value;
            var logger = sp.GetRequiredService<ILogger<LlmAnswerWriter>>();
            return LlmHttpClient.Create(chat.MaxRetries, TimeSpan.FromSeconds(chat.MaxRetryAfterSeconds), chat.ApiKey, sp.GetRequiredService<TimeProvider>(), logger);
        });
        services.TryAddSingleton(sp => CreateKernel(sp, sp.GetRequiredKeyedService<HttpClient>(ChatHttpClientKey)));
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

    // SK's OpenAI connector on a custom endpoint: given an HttpClient it switches off the SDK's own retries and
    // network timeout, so LlmHttpClient's retry rules and the writer's Chat:TimeoutSeconds are the only ones.
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
