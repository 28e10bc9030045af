using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagPapers.Configuration;
using RagPapers.Embeddings.MiniLM.Hosting;
using RagPapers.Hosting;

namespace RagPapers.Cli;

/// <summary>Builds the Generic Host of one command: configuration, console logging on stderr, the core.</summary>
internal static class CliHost
{
    /// <param name="configure">A command's own additions (settings it forces, its services), applied last.</param>
    public static IHost Build(string? storePath, Action<HostApplicationBuilder>? configure = null)
    {
        var root = ContentRoot.Locate();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = root.Path,
        });

        // --store is relative to where the user stands, unlike paths in appsettings.json.
        var overrides = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(storePath))
        {
            overrides["Store:Sqlite:Path"] = Path.GetFullPath(storePath);
        }

        builder.Configuration.AddRagPapersSources(root, overrides);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // A start-up failure is reported once, as a one-line error by CommandRunner, not as a host stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddRagPapers(builder.Configuration, root);

        // Signals belong to InterruptSignals, which cancels the command; the default console lifetime would take
        // SIGINT and SIGTERM too and only stop a host nobody waits on.
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.AddMiniLmEmbedder();
        configure?.Invoke(builder);
        return builder.Build();
    }
}
