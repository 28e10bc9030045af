using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto.Parameters;

namespace RagPapers.Discord.Configuration;

/// <summary>
/// Rules DataAnnotations cannot state: the API base URL must be an absolute http(s) URL, 64 hex characters must
/// also decode to a point of the Ed25519 curve (or every request would be refused later), and each Discord:Mode
/// has the settings it needs: Gateway the bot token, Interactions next to Gateway the public key.
/// </summary>
internal sealed class DiscordSettingsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            failures.Add($"Discord:ApiBaseUrl '{options.ApiBaseUrl}' must be an absolute http(s) URL (default \"{DiscordOptions.DefaultApiBaseUrl}\").");
        }

        if (options.PublicKey.Length == 64 && options.PublicKey.All(char.IsAsciiHexDigit) && !IsCurvePoint(Convert.FromHexString(options.PublicKey)))
        {
            failures.Add("Discord:PublicKey is not a valid Ed25519 public key; copy it again from Developer Portal → General Information → Public Key.");
        }

        failures.AddRange(ModeFailures(options));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> ModeFailures(DiscordOptions options)
    {
        if ((options.Mode & DiscordMode.Both) == DiscordMode.None || (options.Mode & ~DiscordMode.Both) != DiscordMode.None)
        {
            yield return $"Discord:Mode '{options.Mode}' must be Interactions (Discord calls /discord/interactions), Gateway (the bot connects out with its token) or \"Interactions, Gateway\".";
            yield break;
        }

        if (options.IsGatewayEnabled && string.IsNullOrWhiteSpace(options.BotToken))
        {
            yield return "Discord:BotToken is not set, and the Gateway (Discord:Mode Gateway, `ragpapers discord run`) connects with it: in the Developer Portal open your application → Bot → Reset Token, and set it with RAGPAPERS_Discord__BotToken rather than in a committed file.";
        }

        // Interactions alone (the default) stays off without a key, for servers that do not use Discord at all;
        // asking for both ways in says the endpoint is wanted, so a missing key is a mistake.
        if (options.Mode == DiscordMode.Both && string.IsNullOrWhiteSpace(options.PublicKey))
        {
            yield return "Discord:Mode includes Interactions next to Gateway: set Discord:PublicKey (Developer Portal → General Information → Public Key) to serve /discord/interactions, or set Discord:Mode to Gateway.";
        }
    }

    private static bool IsCurvePoint(byte[] key)
    {
        try
        {
            _ = new Ed25519PublicKeyParameters(key, 0);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
