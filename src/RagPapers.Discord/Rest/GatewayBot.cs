namespace RagPapers.Discord.Rest;

/// <summary>GET /gateway/bot: where to connect, how many shards Discord recommends, and how many new sessions remain.</summary>
internal sealed record GatewayBot(string Url, int Shards, SessionStartLimit SessionStartLimit);

/// <summary>New sessions (Identify) left today, when the count resets (ms), and how many may start per 5 seconds.</summary>
internal sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
