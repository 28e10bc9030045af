using System.Text.Json;

namespace RagPapers.Discord.Rest;

/// <summary>What Discord POSTs to the interactions endpoint (only the fields the bot reads).</summary>
internal sealed record InteractionPayload(
    int Type,
    string? Id = null,
    string? ApplicationId = null,
    string? Token = null,
    string? ChannelId = null,
    InteractionChannel? Channel = null,
    string? GuildId = null,
    InteractionData? Data = null,
    InteractionMember? Member = null,
    InteractionUser? User = null)
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;

    /// <summary>Where a conversation lives: the channel or thread, else the user's DM.</summary>
    public string? ConversationKey => ChannelId ?? Channel?.Id ?? (Member?.User ?? User)?.Id;

    // The token authorizes edits for 15 minutes: keep it out of any accidental log line.
    public override string ToString() => $"interaction {Id} type {Type} command {Data?.Name}";
}

internal sealed record InteractionData(string? Id = null, string? Name = null, int Type = 1, IReadOnlyList<InteractionOption>? Options = null);

internal sealed record InteractionOption(string Name, int Type, JsonElement? Value = null, IReadOnlyList<InteractionOption>? Options = null);

internal sealed record InteractionChannel(string? Id = null);

internal sealed record InteractionMember(InteractionUser? User = null);

internal sealed record InteractionUser(string? Id = null);
