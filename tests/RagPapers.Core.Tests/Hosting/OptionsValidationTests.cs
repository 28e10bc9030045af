using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RagPapers.Hosting;

namespace RagPapers.Core.Tests.Hosting;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Retrieval:TopK", "0", "Retrieval:TopK")]
    [InlineData("Retrieval:MinRelevance", "2", "Retrieval:MinRelevance")]
    [InlineData("Ingestion:MaxChunkChars", "10", "Ingestion:MaxChunkChars")]
    [InlineData("Store:Provider", "Postgres", "Store:Provider")]
    [InlineData("Chat:Provider", "Claude", "Chat:Provider")]
    [InlineData("Embeddings:Provider", "Qdrant", "Embeddings:Provider")]
    [InlineData("Embeddings:Provider", "OpenAI", "Embeddings:Endpoint")]
    [InlineData("Chat:Provider", "OpenAI", "Chat:Endpoint")]
    [InlineData("Chat:TimeoutSeconds", "0", "Chat:TimeoutSeconds")]
    [InlineData("Chat:MaxToolSteps", "11", "Chat:MaxToolSteps")]
    public async Task StartAsync_InvalidSetting_FailsWithMessageNamingThePath(string key, string value, string expectedPath)
    {
        using var host = BuildHost(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expectedPath, string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_RepositoryAppSettings_AreValid()
    {
        using var host = BuildHost(new Dictionary<string, string?>());

        await host.StartAsync();
        await host.StopAsync();
    }

    private static IHost BuildHost(Dictionary<string, string?> overrides)
    {
        var root = new ContentRoot(TestPaths.RepoRoot);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = root.Path });
        builder.Configuration.AddRagPapersSources(root, overrides);
        builder.Services.AddRagPapers(builder.Configuration, root);
        return builder.Build();
    }
}
