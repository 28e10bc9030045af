using Microsoft.Extensions.Logging;

namespace RagPapers.Discord.Background;

/// <summary>Log messages of background answering ({Kind} is Interaction or Message); tokens and question text never appear.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "{Kind} {Id} /{Command}: {MessageCount} message(s), delivered {Delivered}, in {ElapsedMs:F0} ms")]
    public static partial void Answered(ILogger logger, string kind, string id, string command, int messageCount, bool delivered, double elapsedMs);

    [LoggerMessage(2, LogLevel.Warning, "{Kind} {Id}: more than 15 minutes old (an interaction token's lifetime); {Unsent} message(s) not sent")]
    public static partial void TokenExpired(ILogger logger, string kind, string id, int unsent);

    [LoggerMessage(3, LogLevel.Error, "{Kind} {Id} /{Command} failed; the user is told to try again")]
    public static partial void CommandFailed(ILogger logger, Exception exception, string kind, string id, string command);

    [LoggerMessage(4, LogLevel.Information, "{Kind} {Id} /{Command} canceled: the host is stopping")]
    public static partial void CommandCanceled(ILogger logger, string kind, string id, string command);

    [LoggerMessage(5, LogLevel.Error, "{Kind} {Id}: Discord refused the reply; sending a short failure notice instead")]
    public static partial void ReplyRefused(ILogger logger, Exception exception, string kind, string id);

    [LoggerMessage(6, LogLevel.Error, "{Kind} {Id}: message {Index} of {Count} could not be delivered")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string kind, string id, int index, int count);

    [LoggerMessage(7, LogLevel.Information, "Discord worker stopped; {Pending} queued command(s) dropped")]
    public static partial void Stopped(ILogger logger, int pending);

    [LoggerMessage(8, LogLevel.Information, "Loaded the collection for Discord: {Added} papers from {FileCount} file(s)")]
    public static partial void CollectionLoaded(ILogger logger, int added, int fileCount);

    [LoggerMessage(9, LogLevel.Error, "Could not load the collection; Discord commands will answer with a failure notice")]
    public static partial void CollectionLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Error, "{Kind} {Id} could not be processed; the worker goes on")]
    public static partial void ProcessingFailed(ILogger logger, Exception exception, string kind, string id);

    [LoggerMessage(11, LogLevel.Warning, "{Kind} {Id}: Discord never got the deferred reply, so there is nothing to edit; the answer is dropped")]
    public static partial void NotAcknowledged(ILogger logger, string kind, string id);

    [LoggerMessage(12, LogLevel.Warning, "Channel {ChannelId}: the bot may not reply there without Read Message History; posting the answer as a plain message (grant the permission to get replies)")]
    public static partial void ReplyWithoutHistory(ILogger logger, string channelId);
}
