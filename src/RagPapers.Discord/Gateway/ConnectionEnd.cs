namespace RagPapers.Discord.Gateway;

/// <summary>Why one Gateway connection ended, and whether it had reached a session (READY or RESUMED) first.</summary>
internal sealed record ConnectionEnd(ConnectionEndKind Kind, bool ReachedSession, string Detail = "", int? CloseCode = null, bool Resumable = false)
{
    public static ConnectionEnd Stopped { get; } = new(ConnectionEndKind.Stopped, false);
}

internal enum ConnectionEndKind
{
    /// <summary>The host is stopping; the bot closed with 1000.</summary>
    Stopped,

    /// <summary>Discord asked for a reconnect (op 7).</summary>
    Reconnect,

    /// <summary>Discord invalidated the session (op 9); <see cref="ConnectionEnd.Resumable"/> is its d.</summary>
    InvalidSession,

    /// <summary>Discord closed the connection with <see cref="ConnectionEnd.CloseCode"/>.</summary>
    Closed,

    /// <summary>The connection failed or dropped without a close code (or could not be opened).</summary>
    Dropped,

    /// <summary>A heartbeat went unacknowledged until the next was due; the bot closed the connection.</summary>
    Zombie,
}
