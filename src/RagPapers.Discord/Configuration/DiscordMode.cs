namespace RagPapers.Discord.Configuration;

/// <summary>How Discord reaches the bot (Discord:Mode); "Interactions, Gateway" (or Both) runs the two side by side.</summary>
[Flags]
public enum DiscordMode
{
    /// <summary>Not a valid setting on its own: the validator asks for one of the others.</summary>
    None = 0,

    /// <summary>Discord POSTs commands to /discord/interactions on a public HTTPS address (needs Discord:PublicKey).</summary>
    Interactions = 1,

    /// <summary>The bot dials out to Discord's Gateway over a WebSocket (needs Discord:BotToken only).</summary>
    Gateway = 2,

    /// <summary>Both ways in at once.</summary>
    Both = Interactions | Gateway,
}
