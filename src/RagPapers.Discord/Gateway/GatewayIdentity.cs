namespace RagPapers.Discord.Gateway;

/// <summary>What the bot identifies (and resumes) with: its token, never logged, and its intents.</summary>
internal sealed record GatewayIdentity(string Token, int Intents)
{
    public override string ToString() => $"intents {Intents}";
}
