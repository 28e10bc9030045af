using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace RagPapers.Server.Configuration;

// Source-generated DataAnnotations validator of the ranges.
[OptionsValidator]
internal sealed partial class ServerOptionsRangeValidator : IValidateOptions<ServerOptions>;

/// <summary>
/// Runs the generated range validator and rewrites each failure to name the configuration path, so
/// "PermitLimit: The field ServerOptions.RateLimit.PermitLimit must be between 1 and 1000000." reads
/// "Server:RateLimit:PermitLimit must be between 1 and 1000000." and says which setting to change.
/// </summary>
internal sealed partial class ServerOptionsPathValidator : IValidateOptions<ServerOptions>
{
    private readonly ServerOptionsRangeValidator _inner = new();

    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var result = _inner.Validate(name, options);
        return result.Failed && result.Failures is not null ? ValidateOptionsResult.Fail(result.Failures.Select(Rewrite)) : result;
    }

    internal static string Rewrite(string failure) =>
        FieldMessage().Match(failure) is { Success: true } match
            ? $"{ServerOptions.Section}:{match.Groups["path"].Value.Replace('.', ':')} {match.Groups["rest"].Value}"
            : $"{ServerOptions.Section}: {failure}";

    [GeneratedRegex(@"^[^:]+: The field \w+\.(?<path>[\w.]+) (?<rest>.+)$")]
    private static partial Regex FieldMessage();
}
