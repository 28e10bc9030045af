using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Discord;

/// <summary>A server with a Discord public key (so /discord/interactions is served) and API keys on the /api endpoints.</summary>
public sealed class DiscordServer : TinyServerFixture
{
    protected override Dictionary<string, string> Settings => new()
    {
        ["Discord:PublicKey"] = new string('a', 64),
        ["Server:ApiKeys:0"] = "reader-key-for-discord-tests",
    };
}
