using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Configuration;
using RagPapers.Hosting;
using RagPapers.Indexing;
using RagPapers.Ingestion;

namespace RagPapers.Core.Tests;

/// <summary>The real core, composed by AddRagPapers over a fresh SQLite file holding the bundled collection; shared by integration tests.</summary>
public sealed class BundledCollection : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ragpapers-core-" + Guid.NewGuid().ToString("N"))).FullName;
    private ServiceProvider? _services;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("not initialized");

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        var root = new ContentRoot(TestPaths.RepoRoot);
        var configuration = new ConfigurationBuilder()
            .AddRagPapersSources(root, new Dictionary<string, string?> { ["Store:Sqlite:Path"] = Path.Combine(_folder, "store.db"), ["Embeddings:Provider"] = "Local" })
            .Build();
        _services = new ServiceCollection().AddLogging().AddRagPapers(configuration, root).BuildServiceProvider(validateScopes: true);
        var library = Get<PaperLibrary>();
        await library.IngestAsync(await library.PendingCollectionFilesAsync());
        await Get<SemanticIndexer>().CompleteAsync(); // the tests are about hybrid retrieval
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class BundledCollectionGroup : ICollectionFixture<BundledCollection>
{
    public const string Name = "bundled collection";
}
