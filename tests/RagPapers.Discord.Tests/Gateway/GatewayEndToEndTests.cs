using Microsoft.Extensions.DependencyInjection;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.Extractive;
using RagPapers.Discord.Tests.Infrastructure;
using RagPapers.Discord.Tests.Interactions;

namespace RagPapers.Discord.Tests.Gateway;

/// <summary>
/// The whole way through: /ask arrives over the Gateway, the socket drops while the answer is being written, the
/// bot resumes (and gets what it missed meanwhile replayed), and the answer with its citations arrives once.
/// </summary>
public sealed class GatewayEndToEndTests : IAsyncLifetime
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _writing = new(0);
    private GatewayBot _bot = null!;

    public async Task InitializeAsync()
    {
        // The real extractive writer, held until the test lets it finish.
        _bot = await GatewayBot.StartAsync(
            new Dictionary<string, string?> { ["Collection:Paths:0"] = TestPaths.PapersDir },
            services => services.AddSingleton<IAnswerWriter>(_ => new DelegateAnswerWriter(async (request, cancellationToken) =>
            {
                _writing.Release();
                await _release.Task.WaitAsync(cancellationToken);
                return await new ExtractiveAnswerWriter().WriteAsync(request, cancellationToken);
            })));
        await _bot.WaitConnectedAsync();
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _bot.DisposeAsync();
        _writing.Dispose();
    }

    [Fact]
    public async Task Ask_SocketDropsWhileTheAnswerIsWritten_ResumesAndTheEditArrivesOnce()
    {
        var (id, token) = (InteractionJson.NewId(), InteractionJson.NewToken());
        await _bot.Gateway.DispatchAsync("INTERACTION_CREATE", GatewayJson.Interaction(id, "ask", token, InteractionJson.NewId(), ("question", CommandFlowTests.MedicalQuestion)));
        Assert.True(await _writing.WaitAsync(TimeSpan.FromSeconds(30)), "the answer never started");

        _bot.Gateway.Drop();
        await _bot.WaitForLogAsync("Reconnecting to the Discord Gateway in 1.0 s (resume): the connection dropped");
        var (dm, dmChannel) = (InteractionJson.NewId(), InteractionJson.NewId());
        await _bot.Gateway.DispatchAsync("MESSAGE_CREATE", GatewayJson.Message(dm, dmChannel, "what is contrastive learning?", direct: true)); // sent while away
        _bot.Time.Advance(TimeSpan.FromSeconds(1));
        var resume = await _bot.Gateway.WaitForPayloadAsync(2, op: 6);
        await _bot.WaitForLogAsync("Resumed the Discord Gateway session; 1 missed event(s) replayed");
        _release.SetResult();
        await _bot.WaitForLogAsync($"Interaction {id} /ask: 1 message(s), delivered True");
        await _bot.WaitForLogAsync($"Message {dm} /ask:");

        Assert.Equal(2, resume.D!["seq"]!.GetValue<long>()); // READY was 1, the /ask 2
        var requests = _bot.Rest.ForToken(token);
        Assert.Equal(["create_interaction_response", "update_original_webhook_message"], requests.Select(r => r.OperationId));
        Assert.All(requests, r => Assert.Empty(r.Violations));
        var edit = requests[1].Body!["embeds"]![0]!;
        Assert.Contains("[1]", edit["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("[1] ", edit["fields"]![0]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(_bot.Rest.Requests, r => r.OperationId == "create_message" && r.Path.Contains(dmChannel, StringComparison.Ordinal));
        Assert.Empty(_bot.Gateway.Violations);
    }
}
