using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagPapers.Hosting;
using RagPapers.Storage;
using RagPapers.Storage.Qdrant;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Hosting;

public sealed class QdrantStoreOptionsTests
{
    [Theory]
    [InlineData("Store:Qdrant:Url", "localhost:6334", "Store:Qdrant:Url")]
    [InlineData("Store:Qdrant:Url", "http://localhost:6334/?x=1", "Store:Qdrant:Url")]
    [InlineData("Store:Qdrant:Url", "http://localhost:6334/qdrant", "Store:Qdrant:Url")]
    [InlineData("Store:Qdrant:Collection", "my/papers", "Store:Qdrant:Collection")]
    [InlineData("Store:Qdrant:TimeoutSeconds", "0", "Store:Qdrant:TimeoutSeconds")]
    [InlineData("Store:Qdrant:MaxRetries", "-1", "Store:Qdrant:MaxRetries")]
    public async Task StartAsync_InvalidQdrantSetting_FailsWithMessageNamingThePath(string key, string value, string expectedPath)
    {
        using var host = RepoHost.Build(new() { ["Store:Provider"] = "Qdrant", [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expectedPath, string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:6333", "\"http://localhost:6334\"")]
    [InlineData("https://xyz.cloud.qdrant.io:6333/", "\"https://xyz.cloud.qdrant.io:6334\"")]
    public async Task StartAsync_RestUrlOfTheOldClient_FailsSayingToUseTheGrpcPort(string url, string suggested)
    {
        using var host = RepoHost.Build(new() { ["Store:Provider"] = "Qdrant", ["Store:Qdrant:Url"] = url });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var message = Assert.Single(error.Failures, f => f.Contains("Store:Qdrant:Url", StringComparison.Ordinal));
        Assert.Contains("REST port (6333)", message, StringComparison.Ordinal);
        Assert.Contains(suggested, message, StringComparison.Ordinal);
    }

    [Fact]
    public void QdrantStoreOptions_Defaults_GrpcPortOnLocalhost() => Assert.Equal("http://localhost:6334", new QdrantStoreOptions().Url);

    [Fact]
    public async Task StartAsync_QdrantProvider_StartsWithoutContactingQdrantAndResolvesTheQdrantIndex()
    {
        using var host = RepoHost.Build(new() { ["Store:Provider"] = "Qdrant", ["Store:Qdrant:Url"] = "http://127.0.0.1:9/", ["Store:Qdrant:ApiKey"] = "k" });

        await host.StartAsync();

        Assert.IsType<QdrantPaperIndex>(host.Services.GetRequiredService<IPaperIndex>());
        await host.StopAsync();
    }

    [Theory]
    [InlineData("sqlite", typeof(SqlitePaperIndex))]
    [InlineData("QDRANT", typeof(QdrantPaperIndex))]
    public async Task Create_ProviderInAnyCase_MakesThatIndex(string provider, Type expected)
    {
        using var host = RepoHost.Build([]);
        var factory = host.Services.GetRequiredService<PaperIndexFactory>();

        await using var index = factory.Create(provider);

        Assert.IsType(expected, index);
        Assert.Throws<ArgumentException>(() => factory.Create("postgres"));
    }
}
