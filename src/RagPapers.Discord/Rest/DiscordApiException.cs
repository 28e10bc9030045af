namespace RagPapers.Discord.Rest;

/// <summary>Discord answered a REST call with an error status; the message names the route template, never its token.</summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException()
    {
    }

    public DiscordApiException(string message)
        : base(message)
    {
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal DiscordApiException(string routeTemplate, int statusCode, int? code, string? discordMessage)
        : base($"Discord answered {statusCode} to {routeTemplate}: {discordMessage ?? "(no message)"}{(code is null ? "" : $" (code {code})")}")
    {
        StatusCode = statusCode;
        Code = code;
        DiscordMessage = discordMessage;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Discord's JSON error code (10002 Unknown Application, 10004 Unknown Guild, 50035 Invalid Form Body, …).</summary>
    public int? Code { get; }

    public string? DiscordMessage { get; }
}
