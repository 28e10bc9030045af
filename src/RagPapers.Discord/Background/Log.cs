using Microsoft.Extensions.Logging;

namespace RagPapers.Discord.Background;

/// <summary>Log messages of background answering; tokens and question text never appear.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Interaction {InteractionId} /{Command}: {MessageCount} message(s), delivered {Delivered}, in {ElapsedMs:F0} ms")]
    public static partial void Answered(ILogger logger, string interactionId, string command, int messageCount, bool delivered, double elapsedMs);

    [LoggerMessage(2, LogLevel.Warning, "Interaction {InteractionId}: its token expired (15 minutes); {Unsent} message(s) not sent")]
    public static partial void TokenExpired(ILogger logger, string interactionId, int unsent);

    [LoggerMessage(3, LogLevel.Error, "Interaction {InteractionId} /{Command} failed; the user is told to try again")]
    public static partial void CommandFailed(ILogger logger, Exception exception, string interactionId, string command);

    [LoggerMessage(4, LogLevel.Information, "Interaction {InteractionId} /{Command} canceled: the host is stopping")]
    public static partial void CommandCanceled(ILogger logger, string interactionId, string command);

    [LoggerMessage(5, LogLevel.Error, "Interaction {InteractionId}: Discord refused the reply; sending a short failure notice instead")]
    public static partial void ReplyRefused(ILogger logger, Exception exception, string interactionId);

    [LoggerMessage(6, LogLevel.Error, "Interaction {InteractionId}: message {Index} of {Count} could not be delivered")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string interactionId, int index, int count);

    [LoggerMessage(7, LogLevel.Information, "Discord worker stopped; {Pending} queued command(s) dropped")]
    public static partial void Stopped(ILogger logger, int pending);

    [LoggerMessage(8, LogLevel.Information, "Loaded the collection for Discord: {Added} papers from {FileCount} file(s)")]
    public static partial void CollectionLoaded(ILogger logger, int added, int fileCount);

    [LoggerMessage(9, LogLevel.Error, "Could not load the collection; Discord commands will answer with a failure notice")]
    public static partial void CollectionLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Error, "Interaction {InteractionId} could not be processed; the worker goes on")]
    public static partial void ProcessingFailed(ILogger logger, Exception exception, string interactionId);
}
