using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagPapers.Answering.Assistant;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.Extractive;
using RagPapers.Answering.FollowUps;
using RagPapers.Answering.Llm;
using ChatOptions = RagPapers.Answering.Llm.ChatOptions;
using RagPapers.Configuration;
using RagPapers.Embeddings;
using RagPapers.Evaluation;
using RagPapers.Indexing;
using RagPapers.Ingestion;
using RagPapers.Papers;
using RagPapers.Retrieval;
using RagPapers.Retrieval.Spelling;
using RagPapers.Storage;

namespace RagPapers.Hosting;

public static class RagPapersServiceCollectionExtensions
{
    /// <summary>Registers the whole core (readers → ingestion → store → retrieval → answering) with validated options.</summary>
    public static IServiceCollection AddRagPapers(this IServiceCollection services, IConfiguration configuration, ContentRoot root)
    {
        services.AddRagPapersOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(root);

        services.AddSingleton(sp =>
        {
            var maxRecordChars = sp.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxRecordChars;
            return new CollectionReader(CollectionReader.DefaultReaders(maxRecordChars), maxRecordChars);
        });
        services.AddSingleton<Chunker>();
        services.AddSingleton<Ingestor>();
        services.AddRagPapersEmbedder();
        services.AddSingleton<PaperIndexFactory>();
        services.AddSingleton<IPaperIndex>(sp => sp.GetRequiredService<PaperIndexFactory>().CreateConfigured());
        services.AddSingleton<SemanticIndexer>();
        services.AddSingleton<PaperLibrary>();

        services.AddSingleton<Retriever>();
        services.AddSingleton<QuerySpellingCorrector>();
        services.AddSingleton<IPaperRetriever>(sp => ActivatorUtilities.CreateInstance<SpellingCorrectingRetriever>(sp, sp.GetRequiredService<Retriever>()));
        services.AddSingleton<FollowUpResolver>();
        services.AddSingleton<PaperReferenceResolver>();
        services.AddSingleton<IAnswerWriter, ExtractiveAnswerWriter>();
        services.AddRagPapersLlm();
        services.AddSingleton<PaperAssistant>();
        services.AddSingleton<RetrievalEvaluator>();
        return services;
    }

    private static void AddRagPapersOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidated<CollectionOptions, CollectionOptionsValidator>(configuration, CollectionOptions.Section);
        services.AddValidated<StoreOptions, StoreOptionsValidator>(configuration, StoreOptions.Section);
        services.AddValidated<IngestionOptions, IngestionOptionsValidator>(configuration, IngestionOptions.Section);
        services.AddValidated<RetrievalOptions, RetrievalOptionsValidator>(configuration, RetrievalOptions.Section);
        services.AddValidated<EmbeddingsOptions, EmbeddingsOptionsValidator>(configuration, EmbeddingsOptions.Section);
        services.AddValidated<ChatOptions, ChatOptionsValidator>(configuration, ChatOptions.Section);

        services.AddSingleton<IValidateOptions<EmbeddingsOptions>, EmbeddingsOptionsRules>();
        services.AddSingleton<IValidateOptions<ChatOptions>, ChatOptionsRules>();
        services.AddSingleton<IPostConfigureOptions<RetrievalOptions>>(sp => new EmbedderRetrievalDefaults(configuration, sp.GetServices<EmbeddingProviderRegistration>()));
        services.AddSingleton<IValidateOptions<StoreOptions>, QdrantStoreOptionsValidator>();
    }

    private static void AddValidated<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        services.AddOptions<TOptions>().BindSection(configuration, section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionPathValidator<TOptions>(section, new TValidator()));
    }
}
