namespace RagPapers.Discord.Gateway;

/// <summary>
/// What a Gateway close code means for the bot (opcodes-and-status-codes, Gateway Close Event Codes): reconnect and
/// resume, reconnect with a new session, or stop, with what to fix.
/// </summary>
internal static class GatewayCloseCodes
{
    /// <summary>The code the bot closes with when it reconnects: not 1000 or 1001, which would end the session.</summary>
    public const int Reconnecting = 4900;

    public static string Name(int? code) => code switch
    {
        null => "no close code",
        1000 => "normal closure",
        1001 => "going away",
        4000 => "Unknown error",
        4001 => "Unknown opcode",
        4002 => "Decode error",
        4003 => "Not authenticated",
        4004 => "Authentication failed",
        4005 => "Already authenticated",
        4007 => "Invalid seq",
        4008 => "Rate limited",
        4009 => "Session timed out",
        4010 => "Invalid shard",
        4011 => "Sharding required",
        4012 => "Invalid API version",
        4013 => "Invalid intent(s)",
        4014 => "Disallowed intent(s)",
        _ => "unknown code",
    };

    /// <summary>Whether a reconnect may resume after this close; 4003, 4007 and 4009 say the session is gone.</summary>
    public static bool KeepsSession(int? code) => code is not (4003 or 4007 or 4009);

    /// <summary>What to fix when Discord will not take the bot as configured; null when reconnecting may help.</summary>
    public static string? Fatal(int? code, int intents) => code switch
    {
        4004 => "Discord refused the bot token (Gateway close 4004, Authentication failed): check Discord:BotToken. "
            + "In the Developer Portal open your application → Bot → Reset Token, copy the new token and set it with RAGPAPERS_Discord__BotToken.",
        4014 => $"Discord refused the Gateway intents the bot asked for ({GatewayIntents.Describe(intents)}; close 4014, Disallowed intent(s)). "
            + "In the Developer Portal open your application → Bot → Privileged Gateway Intents and turn on any of them Discord now counts as privileged, "
            + "or set Discord:AnswerMentions to false to ask for none (slash commands still work).",
        4013 => $"Discord does not know the intents value {intents} (close 4013, Invalid intent(s)); this is a bug in RagPapers, please report it.",
        4010 or 4011 => $"Discord needs the bot sharded (close {code}, {Name(code)}): RagPapers runs one Gateway connection, enough for 2,500 servers; "
            + "use the interactions endpoint (Discord:Mode Interactions) for a bot in more servers.",
        4012 => "Discord no longer accepts Gateway API v10 (close 4012, Invalid API version): update RagPapers.",
        _ => null,
    };
}
