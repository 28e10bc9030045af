using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagPapers.Answering.Assistant;

namespace RagPapers.Core.Tests.Hosting;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Retrieval:TopK", "0", "Retrieval:TopK")]
    [InlineData("Retrieval:MinRelevance", "2", "Retrieval:MinRelevance")]
    [InlineData("Ingestion:MaxChunkChars", "10", "Ingestion:MaxChunkChars")]
    [InlineData("Store:Provider", "Postgres", "Store:Provider")]
    [InlineData("Store:ApproximateIndexMinVectors", "0", "Store:ApproximateIndexMinVectors")]
    [InlineData("Chat:Provider", "Claude", "Chat:Provider")]
    [InlineData("Embeddings:Provider", "Qdrant", "Embeddings:Provider")]
    [InlineData("Embeddings:Provider", "OpenAI", "Embeddings:Endpoint")]
    [InlineData("Chat:Provider", "OpenAI", "Chat:Endpoint")]
    [InlineData("Chat:TimeoutSeconds", "0", "Chat:TimeoutSeconds")]
    [InlineData("Chat:MaxToolSteps", "11", "Chat:MaxToolSteps")]
    public async Task StartAsync_InvalidSetting_FailsWithMessageNamingThePath(string key, string value, string expectedPath)
    {
        using var host = RepoHost.Build(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expectedPath, string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    // The provider's own rule names the choices; a second check of the same switch told the user twice.
    [Theory]
    [InlineData("Store:Provider", "Postgres", "Store:Provider must be \"Sqlite\" or \"Qdrant\".")]
    [InlineData("Chat:Provider", "Claude", "Chat:Provider must be \"None\" or \"OpenAI\".")]
    [InlineData("Embeddings:Provider", "Qdrant", "Embeddings:Provider 'Qdrant' is not available in this build")]
    public async Task StartAsync_UnknownProvider_ReportsItOnce(string key, string value, string expected)
    {
        using var host = RepoHost.Build(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var mentions = error.Failures.Where(f => f.Contains(key, StringComparison.Ordinal)).ToArray();
        Assert.Single(mentions);
        Assert.Contains(expected, mentions[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Chat", "localhost:11434/v1", "Chat:Endpoint 'localhost:11434/v1' is not an absolute http or https URL")]
    [InlineData("Embeddings", "", "Embeddings:Endpoint is required when Embeddings:Provider is \"OpenAI\"")]
    public async Task StartAsync_OpenAIProviderWithBadEndpoint_SaysWhatToSet(string section, string endpoint, string expected)
    {
        using var host = RepoHost.Build(new Dictionary<string, string?> { [$"{section}:Provider"] = "OpenAI", [$"{section}:Endpoint"] = endpoint, [$"{section}:Model"] = "m" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ChatOpenAIWithEndpointAndModel_OffersTheLlmWriterByDefault()
    {
        using var host = RepoHost.Build(new Dictionary<string, string?>
        {
            ["Chat:Provider"] = "OpenAI", ["Chat:Endpoint"] = "http://127.0.0.1:9/v1", ["Chat:Model"] = "llama3.1:8b",
        });

        await host.StartAsync();
        var writers = host.Services.GetRequiredService<AnswerWriters>();
        await host.StopAsync();

        Assert.Equal(["extractive", "llm"], writers.Names);
        Assert.Equal("llm", writers.Default.Name);
    }

    [Fact]
    public async Task StartAsync_RepositoryAppSettings_AreValid()
    {
        using var host = RepoHost.Build(new Dictionary<string, string?>());

        await host.StartAsync();
        await host.StopAsync();
    }
}
