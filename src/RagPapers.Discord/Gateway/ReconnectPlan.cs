namespace RagPapers.Discord.Gateway;

/// <summary>
/// What to do after a connection ended (the Gateway docs' "Disconnecting" and "Resuming"): resume or start a new
/// session, after how long, and why, for the log. Op 7 reconnects at once; op 9 waits a random 1–5 s; everything
/// else backs off 1, 2, 4 … 60 s over consecutive failures.
/// </summary>
internal sealed record ReconnectPlan(bool Resume, TimeSpan Delay, string Why)
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <param name="failures">Connections in a row that ended this way, counting this one (1 after a healthy session).</param>
    /// <param name="jitter">A random number in [0, 1].</param>
    public static ReconnectPlan For(ConnectionEnd end, int failures, double jitter) => end.Kind switch
    {
        ConnectionEndKind.Reconnect => new(true, TimeSpan.Zero, "Discord asked for a reconnect (op 7)"),
        ConnectionEndKind.InvalidSession => new(
            end.Resumable,
            TimeSpan.FromSeconds(1 + (4 * jitter)),
            end.Resumable ? "Discord invalidated the session, resumable (op 9)" : "Discord invalidated the session (op 9); a new one starts"),
        ConnectionEndKind.Zombie => new(true, Backoff(failures), "no heartbeat ACK since the last heartbeat (a zombie connection)"),
        ConnectionEndKind.Closed => new(
            GatewayCloseCodes.KeepsSession(end.CloseCode),
            Backoff(failures),
            $"Discord closed the connection ({end.CloseCode}, {GatewayCloseCodes.Name(end.CloseCode)}{(end.Detail.Length > 0 ? ": " + end.Detail : "")})"
                + (GatewayCloseCodes.KeepsSession(end.CloseCode) ? "" : "; a new session starts")),
        _ => new(true, Backoff(failures), "the connection dropped: " + end.Detail),
    };

    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Max(failures, 1) - 1), MaxBackoff.TotalSeconds));
}
