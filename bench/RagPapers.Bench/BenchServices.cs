using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagPapers.Configuration;
using RagPapers.Embeddings.MiniLM.Hosting;
using RagPapers.Hosting;

namespace RagPapers.Bench;

/// <summary>The core composed as the CLI composes it (appsettings.json, RAGPAPERS_ variables), over a benchmark's own store.</summary>
internal static class BenchServices
{
    /// <param name="store">The SQLite store to open.</param>
    /// <param name="settings">Settings that override the configuration's, e.g. <c>("Embeddings:Provider", "Local")</c>.</param>
    public static ServiceProvider Create(string store, params (string Key, string Value)[] settings)
    {
        var root = ContentRoot.Locate();
        var overrides = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        overrides["Store:Sqlite:Path"] = store;
        var configuration = new ConfigurationBuilder().AddRagPapersSources(root, overrides).Build();
        return new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddRagPapers(configuration, root).AddMiniLmEmbedder().BuildServiceProvider();
    }
}
