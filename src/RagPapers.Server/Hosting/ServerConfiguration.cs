using RagPapers.Configuration;
using RagPapers.Hosting;

namespace RagPapers.Server.Hosting;

public static class ServerConfiguration
{
    // Lowest precedence: what the server wants unless appsettings.json says otherwise. The shared file keeps the
    // console quiet (Warning); the server still says where it listens and logs one line per request
    // (RagPapers.Server.Hosting.RequestLogMiddleware; its Debug level logs a detailed entry instead). Each readiness
    // probe during start-up would log "Unhealthy" as an error: /health/ready reports the checks, and a load that
    // fails is logged once, as Critical, by the loader.
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Critical",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:RagPapers.Server"] = "Information",
        ["Logging:LogLevel:RagPapers.Discord"] = "Information", // "Discord interactions endpoint on at POST /discord/interactions"
    };

    /// <summary>
    /// Replaces the web host's default sources with the ones every RagPapers front-end reads, lowest first: server
    /// defaults, ASPNETCORE_* (ASPNETCORE_URLS), appsettings.json in the content root, RAGPAPERS_*, then the
    /// command line (--urls, --Store:Sqlite:Path=…).
    /// </summary>
    public static IConfigurationBuilder AddRagPapersServerSources(this IConfigurationManager configuration, ContentRoot root, string[] args)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Sources.Clear();
        configuration.AddInMemoryCollection(Defaults);
        configuration.AddEnvironmentVariables("ASPNETCORE_");
        configuration.AddRagPapersSources(root, Overrides(args));
        return configuration;
    }

    // The command line as the overrides of AddRagPapersSources, so it wins over RAGPAPERS_* like in the console.
    // A relative store path on the command line is relative to where the user stands, as in the console's --store.
    private static Dictionary<string, string?> Overrides(string[] args)
    {
        var overrides = new ConfigurationBuilder().AddCommandLine(args).Build().AsEnumerable()
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        if (overrides.TryGetValue("Store:Sqlite:Path", out var store) && !string.IsNullOrWhiteSpace(store))
        {
            overrides["Store:Sqlite:Path"] = Path.GetFullPath(store);
        }

        return overrides;
    }
}
