using Microsoft.Extensions.DependencyInjection;
using RagPapers.Answering.Contracts;
using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Gateway;

/// <summary>Replies to a mention: the same splitting and failure handling as interaction replies, and a fallback when replying is not allowed.</summary>
public sealed class MentionReplyTests : IAsyncLifetime
{
    // On the collection's topic: the assistant hands a writer only relevant evidence, and these reach the writer.
    private const string Explode = "explode on masked autoencoder pre-training for medical imaging, please";
    private const string Everything = "tell me everything about masked autoencoders for medical imaging";
    private GatewayBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await GatewayBot.StartAsync(configure: services => services.AddSingleton<IAnswerWriter>(new DelegateAnswerWriter((request, _) =>
            request.Question == Explode ? throw new InvalidOperationException("the writer broke") : Task.FromResult(LongAnswers.Create()))));
        await _bot.WaitConnectedAsync();
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Mention_AnswerLongerThanEveryLimit_RepliesInSeveralMessagesWithinTheLimits()
    {
        var replies = await MentionAsync(Everything);

        Assert.True(replies.Length >= 4, $"{replies.Length} messages");
        Assert.All(replies, r => Assert.Empty(r.Violations)); // official schema + every limit, per message
        var descriptions = replies.SelectMany(r => r.Body!["embeds"]!.AsArray()).Select(e => e!["description"]?.GetValue<string>()).OfType<string>();
        Assert.Equal(LongAnswers.Normalize(LongAnswers.Create().Text), LongAnswers.Normalize(string.Join(" ", descriptions)));
    }

    [Fact]
    public async Task Mention_WriterFails_RepliesWithAFriendlyMessage()
    {
        var replies = await MentionAsync(Explode);

        Assert.StartsWith("Sorry, something went wrong", Assert.Single(replies).Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mention_NoReadMessageHistory_PostsTheAnswerAsAPlainMessage()
    {
        _bot.Rest.OnRequest = r =>
        {
            if (r.OperationId == "create_message" && r.Body?["message_reference"] is not null)
            {
                _bot.Rest.EnqueueFault(StandInFault.Error(400, 160002, "Cannot reply without permission to read message history"));
            }
        };
        var (id, channel) = (InteractionJson.NewId(), InteractionJson.NewId());

        await _bot.Gateway.DispatchAsync("MESSAGE_CREATE", GatewayJson.Message(id, channel, $"<@{_bot.Gateway.BotUserId}> short question", [_bot.Gateway.BotUserId]));
        await _bot.WaitForLogAsync($"Message {id} /ask:");

        var posted = _bot.Rest.Requests.Where(r => r.OperationId == "create_message" && r.Body?["message_reference"] is null).ToArray();
        Assert.NotEmpty(posted);
        Assert.All(posted, r => Assert.Empty(r.Violations));
        Assert.Contains(_bot.Logs.Lines, l => l.Contains("without Read Message History", StringComparison.Ordinal));
    }

    private async Task<RecordedRequest[]> MentionAsync(string question)
    {
        var (id, channel) = (InteractionJson.NewId(), InteractionJson.NewId());
        await _bot.Gateway.DispatchAsync("MESSAGE_CREATE", GatewayJson.Message(id, channel, $"<@{_bot.Gateway.BotUserId}> {question}", [_bot.Gateway.BotUserId]));
        await _bot.WaitForLogAsync($"Message {id} /ask:");
        var replies = _bot.Rest.Requests.Where(r => r.OperationId == "create_message" && r.Path == $"/channels/{channel}/messages").ToArray();
        Assert.All(replies, r => Assert.Equal(id, r.Body!["message_reference"]!["message_id"]!.GetValue<string>()));
        return replies;
    }
}
