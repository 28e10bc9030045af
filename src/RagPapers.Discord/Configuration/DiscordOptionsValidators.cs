using Microsoft.Extensions.Options;

namespace RagPapers.Discord.Configuration;

// Source-generated DataAnnotations validator: no reflection at start-up.
[OptionsValidator]
internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;

/// <summary>
/// Runs the generated validator and makes every message start with the full path a user searches
/// appsettings.json or RAGPAPERS_* for: "PublicKey: Discord:PublicKey must be …" loses its member prefix, and
/// "QueueCapacity: The field … must be between 1 and 10000." (the generator's own wording for ranges) gains "Discord:".
/// </summary>
internal sealed class DiscordAnnotationsValidator : IValidateOptions<DiscordOptions>
{
    private readonly DiscordOptionsValidator _generated = new();

    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var result = _generated.Validate(name, options);
        return result.Failed && result.Failures is not null
            ? ValidateOptionsResult.Fail(result.Failures.Select(Clean))
            : result;
    }

    private static string Clean(string failure)
    {
        var path = failure.IndexOf(DiscordOptions.Section + ":", StringComparison.Ordinal);
        if (path >= 0)
        {
            return failure[path..];
        }

        var member = failure.IndexOf(": ", StringComparison.Ordinal);
        return member > 0 ? $"{DiscordOptions.Section}:{failure}" : $"{DiscordOptions.Section}: {failure}";
    }
}
