using Microsoft.Extensions.Options;

namespace RagPapers.Discord.Hosting;

// Source-generated DataAnnotations validator: no reflection at start-up.
[OptionsValidator]
internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;

/// <summary>
/// Runs the generated validator and drops its "PublicKey: " member prefix: every message already starts with its
/// full path ("Discord:PublicKey must be …"), which is what a user searches appsettings.json or RAGPAPERS_* for.
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
        return path > 0 ? failure[path..] : failure;
    }
}
