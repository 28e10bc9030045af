using Microsoft.Extensions.Options;

namespace RagPapers.Server.Configuration;

/// <summary>
/// The rules DataAnnotations cannot say: keys long enough not to be guessed, origins that are origins.
/// Messages name the entry (Server:ApiKeys:0) but never echo a key.
/// </summary>
internal sealed class ServerOptionsRulesValidator : IValidateOptions<ServerOptions>
{
    /// <summary>Shortest key accepted: 16 characters of a random token are beyond online guessing under a rate limit.</summary>
    public const int MinKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var failures = new List<string>();
        CheckKeys("Server:ApiKeys", options.ApiKeys, failures);
        CheckKeys("Server:AdminKeys", options.AdminKeys, failures);
        CheckOrigins(options.Cors.AllowedOrigins, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckKeys(string path, string[] keys, List<string> failures)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i] ?? "";
            if (key.Length < MinKeyLength)
            {
                failures.Add($"{path}:{i} must be at least {MinKeyLength} characters long (use a random token).");
            }
            else if (key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '~'))
            {
                failures.Add($"{path}:{i} must be printable ASCII without spaces, so it fits in an HTTP header.");
            }
        }
    }

    private static void CheckOrigins(string[] origins, List<string> failures)
    {
        for (var i = 0; i < origins.Length; i++)
        {
            var origin = origins[i] ?? "";
            var valid = origin == "*"
                || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                    && uri.Scheme is "http" or "https"
                    && uri.PathAndQuery == "/"
                    && !origin.EndsWith('/'));
            if (!valid)
            {
                failures.Add($"Server:Cors:AllowedOrigins:{i} \"{origin}\" must be \"*\" or an origin such as \"https://papers.example.org\" (scheme, host, optional port; no path).");
            }
        }
    }
}
