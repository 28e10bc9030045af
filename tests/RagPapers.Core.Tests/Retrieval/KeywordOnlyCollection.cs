using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Configuration;
using RagPapers.Hosting;
using RagPapers.Ingestion;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Retrieval;

/// <summary>The core over the bundled collection with no vector computed: the semantic indexer never runs.</summary>
public sealed class KeywordOnlyCollection : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ragpapers-keyword-" + Guid.NewGuid().ToString("N"))).FullName;
    private ServiceProvider? _services;

    public IPaperRetriever Retriever => _services!.GetRequiredService<IPaperRetriever>();

    public async Task InitializeAsync()
    {
        var root = new ContentRoot(TestPaths.RepoRoot);
        var configuration = new ConfigurationBuilder()
            .AddRagPapersSources(root, new Dictionary<string, string?> { ["Store:Sqlite:Path"] = Path.Combine(_folder, "store.db"), ["Embeddings:Provider"] = "Local" })
            .Build();
        _services = new ServiceCollection().AddLogging().AddRagPapers(configuration, root).BuildServiceProvider();
        var library = _services.GetRequiredService<PaperLibrary>();
        await library.IngestAsync(await library.PendingCollectionFilesAsync());

        // The hashed embedder's vectors go in with the papers; dropping them leaves the store as a first run of the
        // neural default (or an embedder switch) leaves it before the semantic indexer has computed any.
        await library.Index.GetService<IDeferredVectorIndex>()!.ClearVectorsAsync();
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
