namespace RagPapers.Discord.Rest;

/// <summary>A slash command (CHAT_INPUT, type 1) as registered with Discord.</summary>
internal sealed record ApplicationCommand(string Name, string Description, IReadOnlyList<ApplicationCommandOption> Options)
{
    public int Type { get; init; } = 1;

    /// <summary>Usable in servers (0) and in the bot's DMs (1).</summary>
    public IReadOnlyList<int> Contexts { get; init; } = [0, 1];

    /// <summary>Installed to a server (0).</summary>
    public IReadOnlyList<int> IntegrationTypes { get; init; } = [0];
}
