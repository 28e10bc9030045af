using Microsoft.Extensions.Configuration;
using RagPapers.Configuration;

namespace RagPapers.Hosting;

public static class RagPapersConfiguration
{
    public const string EnvironmentPrefix = "RAGPAPERS_";

    /// <summary>
    /// The configuration every front-end reads, lowest precedence first: appsettings.json in the
    /// content root, RAGPAPERS_* environment variables (RAGPAPERS_Store__Sqlite__Path), then the
    /// front-end's own command-line overrides.
    /// </summary>
    public static IConfigurationBuilder AddRagPapersSources(
        this IConfigurationBuilder builder,
        ContentRoot root,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        builder.AddJsonFile(Path.Combine(root.Path, "appsettings.json"), optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is { Count: > 0 })
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder;
    }
}
