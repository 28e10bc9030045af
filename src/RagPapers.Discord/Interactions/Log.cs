using Microsoft.Extensions.Logging;

namespace RagPapers.Discord.Interactions;

/// <summary>Log messages of the interactions endpoint; tokens and question text never appear.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Refused a Discord interaction request: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Information, "Interaction {InteractionId} /{Command} deferred and queued")]
    public static partial void Deferred(ILogger logger, string interactionId, string command);

    [LoggerMessage(3, LogLevel.Warning, "Interaction {InteractionId} /{Command}: the queue is full (Discord:QueueCapacity); answered busy")]
    public static partial void QueueFull(ILogger logger, string interactionId, string command);

    [LoggerMessage(4, LogLevel.Warning, "Interaction type {Type} is not handled")]
    public static partial void UnsupportedType(ILogger logger, int type);

    [LoggerMessage(5, LogLevel.Warning, "Discord interactions endpoint is off: set Discord:PublicKey (Developer Portal → General Information → Public Key) to serve POST {Path}")]
    public static partial void EndpointOff(ILogger logger, string path);

    [LoggerMessage(6, LogLevel.Information, "Discord interactions endpoint on at POST {Path}")]
    public static partial void EndpointOn(ILogger logger, string path);

    [LoggerMessage(7, LogLevel.Information, "Discord interactions endpoint is off: Discord:Mode is {Mode}, so commands come over the Gateway")]
    public static partial void EndpointNotInMode(ILogger logger, string mode);
}
