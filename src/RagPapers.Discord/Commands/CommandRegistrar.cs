using Microsoft.Extensions.Options;
using RagPapers.Discord.Configuration;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Commands;

/// <summary>
/// `ragpapers discord register`: replaces the application's commands (globally, or in one guild) with the bot's
/// definitions. A bulk overwrite, so running it twice leaves the same five commands. Discord's refusals become
/// messages that name the setting to fix.
/// </summary>
public sealed class CommandRegistrar
{
    private readonly DiscordRestClient _rest;
    private readonly DiscordOptions _options;

    internal CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options)
    {
        _rest = rest;
        _options = options.Value;
    }

    /// <summary>Registers the commands; returns their names as Discord now holds them.</summary>
    /// <exception cref="DiscordSetupException">A setting is missing or Discord refused it.</exception>
    public async Task<IReadOnlyList<string>> RegisterAsync(string? guildId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(_options.ApplicationId))
        {
            throw new DiscordSetupException("Discord:ApplicationId is not set; copy it from Developer Portal → General Information → Application ID.") { IsConfigurationMissing = true };
        }

        if (string.IsNullOrWhiteSpace(_options.BotToken))
        {
            throw new DiscordSetupException("Discord:BotToken is not set; create one in Developer Portal → Bot → Reset Token (set it with RAGPAPERS_Discord__BotToken rather than in a committed file).") { IsConfigurationMissing = true };
        }

        try
        {
            var registered = await _rest.BulkOverwriteCommandsAsync(_options.ApplicationId, guildId, SlashCommands.Definitions, cancellationToken);
            return registered.Select(c => c.Name ?? "").ToArray();
        }
        catch (DiscordApiException ex)
        {
            throw new DiscordSetupException(Explain(ex, guildId), ex);
        }
    }

    private string Explain(DiscordApiException ex, string? guildId) => ex switch
    {
        { StatusCode: 401 } => "Discord refused the bot token (401 Unauthorized): check Discord:BotToken (Developer Portal → Bot → Reset Token).",
        { Code: 10004 } or { StatusCode: 404 } when guildId is not null && ex.Code != 10002 =>
            $"Discord does not know guild {guildId} ({ex.StatusCode}, {ex.DiscordMessage}): check --guild.",
        { StatusCode: 404 } => $"Discord does not know application {_options.ApplicationId} (404, {ex.DiscordMessage}): check Discord:ApplicationId.",
        { StatusCode: 403 } when guildId is not null =>
            $"Discord denied access (403, {ex.DiscordMessage}): check --guild; the bot must be in guild {guildId}, invited with the applications.commands scope, and Discord:BotToken must belong to Discord:ApplicationId {_options.ApplicationId}.",
        { StatusCode: 403 } => $"Discord denied access (403, {ex.DiscordMessage}): Discord:BotToken does not belong to Discord:ApplicationId {_options.ApplicationId}.",
        _ => $"Discord refused the command registration: {ex.Message}",
    };
}
