using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Configuration;
using RagPapers.Discord.Commands;
using RagPapers.Discord.Hosting;
using RagPapers.Hosting;

namespace RagPapers.Cli.Commands;

/// <summary>`ragpapers discord register [--guild ID]` registers the bot's slash commands; `ragpapers discord run` runs the bot over the Gateway.</summary>
internal static class DiscordCommand
{
    public static Command Create()
    {
        var guild = new Option<string?>("--guild")
        {
            Description = "Register in this guild (server) only, where the commands appear at once, instead of globally (can take up to an hour).",
            HelpName = "ID",
        };
        guild.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } id && (id.Length is 0 or > 20 || !id.All(char.IsAsciiDigit)))
            {
                r.AddError("--guild must be the guild's numeric id (right-click the server → Copy Server ID, with Developer Mode on).");
            }
        });
        var register = new Command("register", "Register (bulk-overwrite) the slash commands /ask, /search, /paper, /similar and /help with Discord, using Discord:ApplicationId and Discord:BotToken.")
        {
            guild,
        };
        register.SetAction((parse, ct) => RegisterAsync(parse.GetValue(guild), ct));
        return new Command("discord", "Set up and run the Discord bot.") { register, DiscordRunCommand.Create() };
    }

    private static async Task<int> RegisterAsync(string? guildId, CancellationToken cancellationToken)
    {
        try
        {
            using var host = BuildHost();
            await host.StartAsync(cancellationToken); // validates the Discord section
            var names = await host.Services.GetRequiredService<CommandRegistrar>().RegisterAsync(guildId, cancellationToken);
            var where = guildId is null
                ? "globally (new commands can take up to an hour to appear everywhere)"
                : $"in guild {guildId} (available at once)";
            Console.Out.WriteLine($"Registered {names.Count} commands {where}: {string.Join(", ", names.Select(n => "/" + n))}");
            return ExitCodes.Ok;
        }
        catch (OptionsValidationException ex)
        {
            return CommandRunner.Fail(ExitCodes.Usage, "invalid configuration: " + string.Join(" ", ex.Failures));
        }
        catch (DiscordSetupException ex)
        {
            return CommandRunner.Fail(ex.IsConfigurationMissing ? ExitCodes.Usage : ExitCodes.Failure, ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return CommandRunner.Fail(ExitCodes.Failure, $"cannot reach Discord (Discord:ApiBaseUrl): {ex.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CommandRunner.Fail(ExitCodes.Cancelled, "cancelled");
        }
    }

    // Registration needs only the Discord section, not the paper store: a small host of its own.
    private static IHost BuildHost()
    {
        var root = ContentRoot.Locate();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = root.Path });
        builder.Configuration.AddRagPapersSources(root);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddDiscordRestClient(builder.Configuration);
        return builder.Build();
    }
}
