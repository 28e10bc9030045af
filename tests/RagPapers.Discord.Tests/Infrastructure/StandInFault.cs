namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>A reply the stand-in gives instead of the normal one: status, headers and JSON body, as Discord sends them.</summary>
public sealed record StandInFault(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>A 429 as Discord sends it: retry_after in the body (seconds, fractional), Retry-After and the X-RateLimit-* headers.</summary>
    public static StandInFault TooManyRequests(double retryAfter, bool global = false, bool bodyRetryAfter = true)
    {
        var seconds = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Ceiling(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = seconds,
            ["X-RateLimit-Bucket"] = "f6b1a2c3d4e5",
            ["X-RateLimit-Scope"] = global ? "global" : "user",
        };
        if (global)
        {
            headers["X-RateLimit-Global"] = "true";
        }

        var body = bodyRetryAfter
            ? $$"""{"message":"You are being rate limited.","retry_after":{{seconds}},"global":{{(global ? "true" : "false")}}}"""
            : """{"message":"You are being rate limited.","global":false}""";
        return new StandInFault(429, body, headers);
    }

    public static StandInFault Error(int status, int code, string message) =>
        new(status, $$"""{"message":"{{message}}","code":{{code}}}""", new Dictionary<string, string>());
}
