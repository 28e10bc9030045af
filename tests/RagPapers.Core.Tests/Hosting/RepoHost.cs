using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RagPapers.Configuration;
using RagPapers.Hosting;

namespace RagPapers.Core.Tests.Hosting;

/// <summary>A host composed as the front-ends compose it: the repository's appsettings.json plus the given overrides.</summary>
internal static class RepoHost
{
    public static IHost Build(Dictionary<string, string?> overrides, Action<IServiceCollection>? addOns = null)
    {
        var root = new ContentRoot(TestPaths.RepoRoot);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = root.Path });
        // Tests that are not about the neural embedder run with the hashed one, unless they name another.
        overrides.TryAdd("Embeddings:Provider", "Local");
        builder.Configuration.AddRagPapersSources(root, overrides);
        builder.Services.AddRagPapers(builder.Configuration, root);
        addOns?.Invoke(builder.Services);
        return builder.Build();
    }
}
