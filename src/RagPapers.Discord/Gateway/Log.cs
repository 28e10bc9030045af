using Microsoft.Extensions.Logging;

namespace RagPapers.Discord.Gateway;

/// <summary>Log messages of the Gateway connection; the token, session ids and message text never appear.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Connecting to the Discord Gateway at {Host} ({How})")]
    public static partial void Connecting(ILogger logger, string host, string how);

    [LoggerMessage(2, LogLevel.Information, "Connected to Discord as {BotName} (id {BotId}), intents: {Intents}")]
    public static partial void Connected(ILogger logger, string botName, string botId, string intents);

    [LoggerMessage(3, LogLevel.Information, "Resumed the Discord Gateway session; {Replayed} missed event(s) replayed")]
    public static partial void Resumed(ILogger logger, int replayed);

    [LoggerMessage(4, LogLevel.Warning, "Reconnecting to the Discord Gateway in {DelaySeconds:F1} s ({How}): {Why}")]
    public static partial void Reconnecting(ILogger logger, double delaySeconds, string how, string why);

    [LoggerMessage(5, LogLevel.Warning, "No heartbeat ACK within {IntervalSeconds:F1} s: the connection is a zombie; closing it")]
    public static partial void Zombie(ILogger logger, double intervalSeconds);

    [LoggerMessage(6, LogLevel.Trace, "Heartbeat acknowledged in {LatencyMs:F0} ms")]
    public static partial void HeartbeatAcknowledged(ILogger logger, double latencyMs);

    [LoggerMessage(7, LogLevel.Warning, "GET /gateway/bot failed ({Error}); retrying")]
    public static partial void GatewayBotFailed(ILogger logger, string error);

    [LoggerMessage(8, LogLevel.Warning, "Discord recommends {Shards} shards; RagPapers runs one Gateway connection, which serves up to 2,500 servers")]
    public static partial void ShardsRecommended(ILogger logger, int shards);

    [LoggerMessage(9, LogLevel.Warning, "Waiting {WaitSeconds:F0} s before starting a Gateway session: {Reason}")]
    public static partial void IdentifyWaiting(ILogger logger, double waitSeconds, string reason);

    [LoggerMessage(10, LogLevel.Critical, "The Discord Gateway connection stopped: {Reason}")]
    public static partial void Stopped(ILogger logger, string reason);

    [LoggerMessage(11, LogLevel.Information, "Disconnected from the Discord Gateway")]
    public static partial void Disconnected(ILogger logger);

    [LoggerMessage(12, LogLevel.Debug, "Gateway payload op {Op} ignored")]
    public static partial void PayloadIgnored(ILogger logger, int op);

    [LoggerMessage(13, LogLevel.Trace, "Gateway event {EventName} ignored")]
    public static partial void EventIgnored(ILogger logger, string eventName);

    [LoggerMessage(14, LogLevel.Warning, "Gateway event {EventName} could not be read: {Error}")]
    public static partial void EventUnreadable(ILogger logger, string eventName, string error);

    [LoggerMessage(15, LogLevel.Error, "Handling Gateway event {EventName} failed; the connection goes on")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string eventName);

    [LoggerMessage(16, LogLevel.Warning, "Interaction {InteractionId} of type {Type} ignored: not a slash command the bot can run")]
    public static partial void InteractionIgnored(ILogger logger, string interactionId, int type);

    [LoggerMessage(17, LogLevel.Error, "Interaction {InteractionId}: the interaction callback failed; Discord will show the command as failed")]
    public static partial void CallbackFailed(ILogger logger, Exception exception, string interactionId);

    [LoggerMessage(18, LogLevel.Information, "Message {MessageId} in channel {ChannelId} is for the bot: /{Command} queued")]
    public static partial void MentionQueued(ILogger logger, string messageId, string channelId, string command);

    [LoggerMessage(19, LogLevel.Warning, "Message {MessageId} in channel {ChannelId}: the queue is full (Discord:QueueCapacity); answered busy")]
    public static partial void MentionBusy(ILogger logger, string messageId, string channelId);

    [LoggerMessage(20, LogLevel.Debug, "Could not show typing in channel {ChannelId}: {Error}")]
    public static partial void TypingFailed(ILogger logger, string channelId, string error);

    [LoggerMessage(21, LogLevel.Error, "The Gateway connection failed unexpectedly; reconnecting")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception);
}
