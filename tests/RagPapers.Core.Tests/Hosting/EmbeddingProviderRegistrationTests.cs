using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagPapers.Core.Tests.Embeddings;
using RagPapers.Embeddings;
using RagPapers.Retrieval;

namespace RagPapers.Core.Tests.Hosting;

/// <summary>An add-on embedder (as RagPapers.Embeddings.MiniLM registers one) selected by Embeddings:Provider.</summary>
public sealed class EmbeddingProviderRegistrationTests
{
    private static readonly TestEmbeddingGenerator AddOnEmbedder = new(_ => new float[8], new EmbeddingGeneratorMetadata("test", providerUri: null, "add-on", 8));

    private static void AddOn(IServiceCollection services) =>
        services.AddSingleton(new EmbeddingProviderRegistration("MiniLM", _ => AddOnEmbedder, KeywordWeight: 0.6, MinRelevance: 0.45));

    [Fact]
    public async Task StartAsync_MiniLMWithoutTheAddOn_FailsSayingTheProgramLacksItAndListingTheChoices()
    {
        using var host = RepoHost.Build(new Dictionary<string, string?> { ["Embeddings:Provider"] = "MiniLM" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var message = string.Join(" ", error.Failures);
        Assert.Contains("Embeddings:Provider 'MiniLM' is not available in this program", message, StringComparison.Ordinal);
        Assert.Contains("one of \"Local\", \"OpenAI\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_UnknownProviderWithTheAddOn_ListsTheAddOnAmongTheChoices()
    {
        using var host = RepoHost.Build(new Dictionary<string, string?> { ["Embeddings:Provider"] = "Bert" }, AddOn);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("one of \"Local\", \"OpenAI\", \"MiniLM\"", string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embedder_AddOnProviderConfigured_IsTheAddOnsAndRetrievalTakesItsCalibratedSettings()
    {
        using var host = RepoHost.Build(new Dictionary<string, string?> { ["Embeddings:Provider"] = "MiniLM" }, AddOn);

        await host.StartAsync();
        var embedder = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var retrieval = host.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        await host.StopAsync();

        Assert.Same(AddOnEmbedder, embedder);
        Assert.Equal(0.6, retrieval.KeywordWeight);
        Assert.Equal(0.45, retrieval.MinRelevance);
    }

    [Fact]
    public async Task RetrievalSettings_SetByTheUser_WinOverTheAddOnsDefaults()
    {
        using var host = RepoHost.Build(new Dictionary<string, string?> { ["Embeddings:Provider"] = "MiniLM", ["Retrieval:KeywordWeight"] = "0.75", ["Retrieval:MinRelevance"] = "0.2" }, AddOn);

        await host.StartAsync();
        var retrieval = host.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        await host.StopAsync();

        Assert.Equal(0.75, retrieval.KeywordWeight);
        Assert.Equal(0.2, retrieval.MinRelevance);
    }

    [Fact]
    public async Task RetrievalSettings_LocalProviderWithTheAddOnRegistered_StayTheLocalDefaults()
    {
        using var host = RepoHost.Build(new Dictionary<string, string?>(), AddOn);

        await host.StartAsync();
        var retrieval = host.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        await host.StopAsync();

        Assert.Equal(new RetrievalOptions().KeywordWeight, retrieval.KeywordWeight);
        Assert.Equal(new RetrievalOptions().MinRelevance, retrieval.MinRelevance);
    }
}
