using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagPapers.Discord.Gateway;
using RagPapers.Discord.Hosting;
using RagPapers.Discord.Configuration;

namespace RagPapers.Cli.Commands;

/// <summary>
/// `ragpapers discord run`: the bot over the Gateway, with Discord:BotToken alone (no public URL, no public key),
/// answering slash commands, mentions and DMs until Ctrl-C or SIGTERM (exit 130, within a second).
/// </summary>
internal static class DiscordRunCommand
{
    // Stopping gets this long: the Gateway closes with 1000, an answer under way is cut short with a notice.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromMilliseconds(700);

    private const string LogCategory = "RagPapers.Discord";

    public static Command Create()
    {
        var run = new Command("run", "Connect the bot to Discord's Gateway with Discord:BotToken and answer /ask, /search, /paper, /similar, /help, mentions and DMs until Ctrl-C; no public URL needed.");
        run.SetAction((parse, _) => RunAsync(parse));
        return run;
    }

    private static async Task<int> RunAsync(ParseResult parse)
    {
        using var interrupted = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // we exit ourselves, after closing the connection
            interrupted.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await CommandRunner.RunAsync(parse, ServeAsync, interrupted.Token, configure: ConfigureGateway);
    }

    private static void ConfigureGateway(HostApplicationBuilder builder)
    {
        // Whatever Discord:Mode says for the server, this process has no HTTP endpoint: the Gateway is its way in.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Mode"] = nameof(DiscordMode.Gateway) });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        if (builder.Configuration[$"Logging:LogLevel:{LogCategory}"] is null)
        {
            builder.Logging.AddFilter(LogCategory, LogLevel.Information); // "connected as …", "reconnecting in …" are the point
        }

        builder.Services.AddRagPapersDiscord(builder.Configuration);
    }

    private static async Task<int> ServeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        Console.Out.WriteLine("Connecting the bot to Discord with Discord:BotToken; Ctrl-C stops it.");
        var failed = services.GetRequiredService<GatewayStatus>().Failed;
        await Task.WhenAny(failed, Task.Delay(Timeout.Infinite, cancellationToken));
        await services.GetRequiredService<IHost>().StopAsync(CancellationToken.None);
        return failed.IsCompletedSuccessfully
            ? CommandRunner.Fail(ExitCodes.Failure, failed.Result.Message)
            : CommandRunner.Fail(ExitCodes.Cancelled, "cancelled");
    }
}
