namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>One Gateway-connected bot over the whole bundled collection, shared by the command tests over the Gateway.</summary>
public sealed class GatewayBotFixture : IAsyncLifetime
{
    public GatewayBot Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bot = await GatewayBot.StartAsync(new Dictionary<string, string?> { ["Collection:Paths:0"] = TestPaths.PapersDir });
        await Bot.WaitConnectedAsync();
    }

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}
