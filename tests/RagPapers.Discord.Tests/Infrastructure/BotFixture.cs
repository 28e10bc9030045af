using Microsoft.Extensions.DependencyInjection;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>
/// One bot over the bundled collection plus a paper whose abstract says "@everyone" and mentions a role, with a
/// stand-in Discord and a real key pair; shared by the endpoint and command-flow tests.
/// </summary>
public sealed class BotFixture : IAsyncLifetime
{
    public const string PingPaperTitle = "Attention Signals for Community Moderation Bots";
    public const string PingPaperId = "2401.99999";

    private readonly string _extraFolder = Directory.CreateTempSubdirectory("ragpapers-discord-extra-").FullName;

    /// <summary>Replaces services of the bot (e.g. the answer writer) before it starts.</summary>
    public Action<IServiceCollection>? Configure { get; init; }

    public Ed25519KeyPair Key { get; } = new();

    public DiscordStandIn Discord { get; private set; } = null!;

    public BotServer Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var extra = Path.Combine(_extraFolder, "pings.jsonl");
        await File.WriteAllTextAsync(extra, $$"""
            {"id":"{{PingPaperId}}","title":"{{PingPaperTitle}}","abstract":"@everyone should read this: moderation bots that ping <@&123456789012345678> and <@53908232506183680> on every alert cause alert fatigue. We propose attention signals that rank alerts for community moderation bots. Hey @here, results show fewer pings.","authors":"A. Author, B. Author","update_date":"2024-01-15","categories":"cs.HC"}

            """);
        Discord = await DiscordStandIn.StartAsync();
        Bot = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Collection:Paths:1"] = extra,
            ["Discord:PublicKey"] = Key.PublicKeyHex,
            ["Discord:ApplicationId"] = InteractionJson.ApplicationId,
            ["Discord:BotToken"] = Discord.BotToken,
            ["Discord:ApiBaseUrl"] = Discord.BaseUrl,
        }, Configure);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Discord.DisposeAsync();
        Directory.Delete(_extraFolder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class BotGroup : ICollectionFixture<BotFixture>
{
    public const string Name = "bot over the bundled collection";
}
