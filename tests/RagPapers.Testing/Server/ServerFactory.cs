using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagPapers.Testing.Files;
using RagPapers.Testing.Logging;

namespace RagPapers.Testing.Server;

/// <summary>
/// Runs the server's own Program.cs on a real Kestrel bound to 127.0.0.1 port 0. The settings reach Program as
/// command-line arguments (the factory hands its host settings to the entry point that way), so they override
/// appsettings.json exactly as a user's would. The environment stays Production, as the server runs for a user.
/// </summary>
internal sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly LogCapture _logs;

    public ServerFactory(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? configureServices, LogCapture logs)
    {
        _settings = settings;
        _configureServices = configureServices;
        _logs = logs;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        builder.UseContentRoot(TestPaths.RepoRoot);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // After Program's own registrations, as a test hook only adds (a test writer, say) or replaces.
        builder.ConfigureServices(services => _configureServices?.Invoke(services));
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(_logs);
        });
    }
}
