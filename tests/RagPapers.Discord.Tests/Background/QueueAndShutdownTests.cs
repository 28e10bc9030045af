using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Answering.Contracts;
using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Background;

/// <summary>A bot with one worker and room for one waiting command, whose writer holds each answer until released.</summary>
public sealed class QueueAndShutdownTests : IAsyncLifetime
{
    private readonly Ed25519KeyPair _key = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _entered = new(0);
    private DiscordStandIn _discord = null!;
    private BotServer? _bot;

    public async Task InitializeAsync()
    {
        _discord = await DiscordStandIn.StartAsync();
        _bot = await BotServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Collection:Paths:0"] = Directory.GetFiles(TestPaths.PapersDir).Order().First(), // one dump is enough
                ["Discord:PublicKey"] = _key.PublicKeyHex,
                ["Discord:ApiBaseUrl"] = _discord.BaseUrl,
                ["Discord:QueueCapacity"] = "1",
                ["Discord:Workers"] = "1",
            },
            services => services.AddSingleton<IAnswerWriter>(new DelegateAnswerWriter(async (request, cancellationToken) =>
            {
                _entered.Release();
                await _release.Task.WaitAsync(cancellationToken);
                return new Answer(AnswerStatus.Answered, "Held answer. [1]", [], "test");
            })));
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _discord.DisposeAsync();
        _entered.Dispose();
    }

    [Fact]
    public async Task Post_QueueFull_AnswersBusyAtOnceToTheUserOnly()
    {
        Assert.Equal(5, await AskAsync("t1"));
        Assert.True(await _entered.WaitAsync(TimeSpan.FromSeconds(30))); // the worker holds the first answer
        Assert.Equal(5, await AskAsync("t2")); // the one free place in the queue

        var (type, data) = await AskWithReplyAsync("t3");

        Assert.Equal(4, type);
        Assert.Equal(64, data!["flags"]!.GetValue<int>());
        Assert.Contains("try again", data["content"]!.GetValue<string>(), StringComparison.Ordinal);
        _release.SetResult();
        await _discord.WaitAsync(r => r.Count(x => x.IsEditOriginal) == 2);
        Assert.Equal(["t1", "t2"], _discord.Requests.Select(r => r.WebhookToken).Order());
    }

    [Fact]
    public async Task Stop_DuringAnAnswer_TellsTheUserToAskAgain()
    {
        Assert.Equal(5, await AskAsync("t1"));
        Assert.True(await _entered.WaitAsync(TimeSpan.FromSeconds(30)));

        await _bot!.DisposeAsync();
        _bot = null;

        var notice = Assert.Single(_discord.Requests);
        Assert.True(notice.IsEditOriginal);
        Assert.StartsWith("I had to stop before finishing", notice.Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<int> AskAsync(string token) => (await AskWithReplyAsync(token)).Type;

    private async Task<(int Type, JsonNode? Data)> AskWithReplyAsync(string token)
    {
        using var response = await _bot!.PostAsync(InteractionJson.Command(InteractionJson.NewId(), "ask", token, "c", ("question", "masked autoencoders")), _key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (reply["type"]!.GetValue<int>(), reply["data"]);
    }
}
