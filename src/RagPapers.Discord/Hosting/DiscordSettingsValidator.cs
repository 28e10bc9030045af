using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto.Parameters;

namespace RagPapers.Discord.Hosting;

/// <summary>
/// Rules DataAnnotations cannot state: the API base URL must be an absolute http(s) URL, and 64 hex
/// characters must also decode to a point of the Ed25519 curve, or every request would be refused later.
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
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
