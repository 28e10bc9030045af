using Microsoft.Extensions.Options;

namespace RagPapers.Configuration;

/// <summary>
/// Runs a source-generated validator and prefixes each failure with the configuration path, so
/// "TopK: The field … must be between 1 and 100." reads "Retrieval:TopK: …" and the user knows which
/// setting in appsettings.json or RAGPAPERS_* to change.
/// </summary>
internal sealed class SectionPathValidator<TOptions>(string section, IValidateOptions<TOptions> inner) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = inner.Validate(name, options);
        if (!result.Failed || result.Failures is null)
        {
            return result;
        }

        return ValidateOptionsResult.Fail(result.Failures.Select(Prefix));
    }

    private string Prefix(string failure)
    {
        var colon = failure.IndexOf(": ", StringComparison.Ordinal);
        return colon <= 0
            ? $"{section}: {failure}"
            : $"{section}:{failure[..colon].Replace('.', ':')}{failure[colon..]}";
    }
}
