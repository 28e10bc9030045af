using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Embeddings;
using RagPapers.Hosting;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;
using RagPapers.Testing.OpenAi;

namespace RagPapers.Core.Tests.Embeddings;

/// <summary>Embeddings:Provider OpenAI against the stand-in: the wire format, the descriptor, failures, and the store's refusal to mix.</summary>
public sealed class OpenAICompatibleEmbeddingGeneratorTests : IAsyncLifetime
{
    private readonly List<ServiceProvider> _providers = [];
    private OpenAiStandIn _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiStandIn.StartAsync(embeddingDimensions: 24);

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GenerateAsync_Batch_SendsOneValidRequestAndDecodesEveryVector()
    {
        using var sut = Create();

        var embeddings = await sut.GenerateAsync(["masked prediction", "contrastive coding", "masked prediction"]);

        var request = Assert.Single(_server.EmbeddingRequests);
        _server.AssertAllRequestsValid();
        Assert.Equal("nomic-embed-text", request.Body.GetProperty("model").GetString());
        Assert.Equal(["masked prediction", "contrastive coding", "masked prediction"], request.Body.GetProperty("input").EnumerateArray().Select(e => e.GetString()));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal(3, embeddings.Count);
        Assert.Equal(EmbeddingReply.Vector("contrastive coding", 24), embeddings[1].Vector.ToArray());
        Assert.Equal(embeddings[0].Vector.ToArray(), embeddings[2].Vector.ToArray());
    }

    [Fact]
    public async Task DescribeAsync_ModelWithoutConfiguredDimensions_ProbesThem()
    {
        using var sut = Create();

        var descriptor = await sut.DescribeAsync();

        Assert.Equal(new EmbedderDescriptor("openai/nomic-embed-text", 24), descriptor);
        Assert.Single(_server.EmbeddingRequests);
    }

    [Fact]
    public async Task GenerateAsync_ServerError_ThrowsNamingTheEndpointModelAndSettings()
    {
        using var sut = Create(o => o.MaxRetries = 0);
        _server.ReplyToEmbeddings(OpenAiReply.Error(404, "model \"nomic-embed-text\" not found, try pulling it first"));

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => sut.GenerateAsync(["x"]));

        Assert.Contains(_server.BaseUrl, error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
        Assert.Contains("Embeddings:Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_429ThenSuccess_Retries()
    {
        using var sut = Create(o => o.MaxRetries = 1);
        _server.ReplyToEmbeddings(OpenAiReply.Error(429, "slow down", retryAfter: "0"));

        var embeddings = await sut.GenerateAsync(["x"]);

        Assert.Single(embeddings);
        Assert.Equal(2, _server.EmbeddingRequests.Count);
    }

    [Fact]
    public async Task OpenAsync_SqliteStoreBuiltByTheLocalEmbedder_AdoptsTheEndpointsModelAndDropsTheLocalVectors()
    {
        using var folder = new TempFolder();
        var path = folder.File("store.db");
        var local = new LocalEmbeddingGenerator(Options.Create(new EmbeddingsOptions()));
        await (await TestStores.OpenAsync(path, local.Descriptor)).DisposeAsync();
        using var sut = Create();
        var descriptor = await sut.DescribeAsync();

        await using var index = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance);
        await index.OpenAsync(descriptor);

        Assert.Equal(local.Descriptor, index.ReplacedEmbedder);
        Assert.StartsWith("openai/nomic-embed-text", descriptor.Id, StringComparison.Ordinal);
    }

    private OpenAICompatibleEmbeddingGenerator Create(Action<EmbeddingsOptions>? configure = null)
    {
        var options = new EmbeddingsOptions { Provider = "OpenAI", Endpoint = _server.BaseUrl, Model = "nomic-embed-text", MaxRetries = 1, TimeoutSeconds = 10 };
        configure?.Invoke(options);

        // Composed as in production: AddRagPapersEmbedder's IHttpClientFactory client and its resilience pipeline.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(options));
        services.AddRagPapersEmbedder();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return (OpenAICompatibleEmbeddingGenerator)provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
    }
}
