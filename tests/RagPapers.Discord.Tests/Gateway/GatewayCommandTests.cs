using System.Text.Json.Nodes;
using RagPapers.Discord.Tests.Infrastructure;
using RagPapers.Discord.Tests.Interactions;

namespace RagPapers.Discord.Tests.Gateway;

/// <summary>Slash commands, mentions and DMs arriving over the Gateway, answered over REST (checked against Discord's schema).</summary>
public sealed class GatewayCommandTests(GatewayBotFixture fixture) : IClassFixture<GatewayBotFixture>
{
    private GatewayBot Bot => fixture.Bot;

    [Fact]
    public async Task InteractionCreate_Ask_DefersThroughTheCallbackThenEditsWithCitations()
    {
        var (id, token) = (InteractionJson.NewId(), InteractionJson.NewToken());

        await Bot.Gateway.DispatchAsync("INTERACTION_CREATE", GatewayJson.Interaction(id, "ask", token, NewChannel(), ("question", CommandFlowTests.MedicalQuestion)));
        await Bot.WaitForLogAsync($"Interaction {id} /ask:");

        var requests = Bot.Rest.ForToken(token);
        Assert.Equal(["create_interaction_response", "update_original_webhook_message"], requests.Select(r => r.OperationId));
        Assert.All(requests, r => Assert.Empty(r.Violations));
        Assert.Equal("""{"type":5}""", requests[0].Body!.ToJsonString());
        Assert.Null(requests[0].Authorization); // interaction routes need no bot token
        Assert.Equal($"/interactions/{id}/{token}/callback", requests[0].Path);
        var embed = requests[1].Body!["embeds"]![0]!;
        Assert.Equal(CommandFlowTests.MedicalQuestion, embed["title"]!.GetValue<string>());
        Assert.Contains("[1]", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("[1] ", embed["fields"]![0]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("""{"parse":[]}""", requests[1].Body!["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public async Task InteractionCreate_Help_AnswersAtOnceThroughTheCallback()
    {
        var (id, token) = (InteractionJson.NewId(), InteractionJson.NewToken());

        await Bot.Gateway.DispatchAsync("INTERACTION_CREATE", GatewayJson.Interaction(id, "help", token, NewChannel()));

        var callback = await SingleCallbackAsync(token);
        Assert.Equal(4, callback.Body!["type"]!.GetValue<int>());
        Assert.Equal("RagPapers", callback.Body["data"]!["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("""{"parse":[]}""", callback.Body["data"]!["allowed_mentions"]!.ToJsonString());
        Assert.Empty(callback.Violations);
    }

    [Theory]
    [InlineData("ask", "needs the option question")]
    [InlineData("frobnicate", "do not know the command /frobnicate")]
    public async Task InteractionCreate_Unusable_AnswersTheUserOnly(string name, string expected)
    {
        var (id, token) = (InteractionJson.NewId(), InteractionJson.NewToken());

        await Bot.Gateway.DispatchAsync("INTERACTION_CREATE", GatewayJson.Interaction(id, name, token, NewChannel()));

        var callback = await SingleCallbackAsync(token);
        Assert.Equal(64, callback.Body!["data"]!["flags"]!.GetValue<int>());
        Assert.Contains(expected, callback.Body["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(callback.Violations);
    }

    [Fact]
    public async Task InteractionCreate_DeliveredTwice_AnsweredOnce()
    {
        var (id, token) = (InteractionJson.NewId(), InteractionJson.NewToken());
        var interaction = GatewayJson.Interaction(id, "search", token, NewChannel(), ("query", "video representation learning"));

        await Bot.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        await Bot.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        await Bot.WaitForLogAsync($"Interaction {id} /search:");

        Assert.Single(Bot.Rest.ForToken(token), r => r.IsCallback);
        Assert.Single(Bot.Rest.ForToken(token), r => r.IsEditOriginal);
    }

    [Fact]
    public async Task MessageCreate_Mention_RepliesToTheMessageWithCitations()
    {
        var (id, channel) = (InteractionJson.NewId(), NewChannel());

        await Bot.Gateway.DispatchAsync("MESSAGE_CREATE", GatewayJson.Message(id, channel, $"<@{Bot.Gateway.BotUserId}> {CommandFlowTests.MedicalQuestion}", [Bot.Gateway.BotUserId]));
        await Bot.WaitForLogAsync($"Message {id} /ask: 1 message(s), delivered True");

        var requests = InChannel(channel);
        Assert.Equal(["trigger_typing_indicator", "create_message"], requests.Select(r => r.OperationId));
        Assert.All(requests, r => Assert.Equal("Bot " + Bot.Rest.BotToken, r.Authorization));
        var reply = requests[1].Body!;
        Assert.Empty(requests[1].Violations);
        Assert.Equal(id, reply["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.Equal("""{"parse":[]}""", reply["allowed_mentions"]!.ToJsonString());
        Assert.Equal(CommandFlowTests.MedicalQuestion, reply["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.StartsWith("[1] ", reply["embeds"]![0]!["fields"]![0]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(reply["flags"]);
    }

    [Fact]
    public async Task MessageCreate_FollowUpMentionInTheSameChannel_AnswersAboutTheSecondSource()
    {
        var channel = NewChannel();
        var first = await MentionAsync(channel, CommandFlowTests.MedicalQuestion);
        var secondTitle = SourceTitle(first, 2);

        var followUp = await MentionAsync(channel, "and the second one?");

        var fields = followUp["embeds"]![0]!["fields"]!.AsArray();
        Assert.Equal("[1] " + secondTitle, Assert.Single(fields)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessageCreate_DirectMessage_AnsweredWithoutAMention()
    {
        var (id, channel) = (InteractionJson.NewId(), NewChannel());

        await Bot.Gateway.DispatchAsync("MESSAGE_CREATE", GatewayJson.Message(id, channel, CommandFlowTests.MedicalQuestion, direct: true));
        await Bot.WaitForLogAsync($"Message {id} /ask:");

        var reply = Assert.Single(InChannel(channel), r => r.OperationId == "create_message");
        Assert.Equal(id, reply.Body!["message_reference"]!["message_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessageCreate_MentionAlone_RepliesWithHelp()
    {
        var (id, channel) = (InteractionJson.NewId(), NewChannel());

        await Bot.Gateway.DispatchAsync("MESSAGE_CREATE", GatewayJson.Message(id, channel, $"<@!{Bot.Gateway.BotUserId}>", [Bot.Gateway.BotUserId]));
        await Bot.WaitForLogAsync($"Message {id} /help:");

        var reply = Assert.Single(InChannel(channel), r => r.OperationId == "create_message");
        Assert.Equal("RagPapers", reply.Body!["embeds"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessageCreate_NotForTheBot_IsIgnored()
    {
        var ignored = NewChannel();
        var me = Bot.Gateway.BotUserId;
        JsonNode[] messages =
        [
            GatewayJson.Message(InteractionJson.NewId(), ignored, "", mentions: []), // a guild message for someone else
            GatewayJson.Message(InteractionJson.NewId(), ignored, $"<@{me}> hi", [me], authorIsBot: true),
            GatewayJson.Message(InteractionJson.NewId(), ignored, $"<@{me}> hi", [me], authorId: me),
            GatewayJson.Message(InteractionJson.NewId(), ignored, $"<@{me}> pinned", [me], type: 6), // CHANNEL_PINNED_MESSAGE
        ];
        foreach (var message in messages)
        {
            await Bot.Gateway.DispatchAsync("MESSAGE_CREATE", message);
        }

        // A message that is for the bot, sent after the others: once it is answered, they have been handled too.
        var (marker, markerChannel) = (InteractionJson.NewId(), NewChannel());
        await Bot.Gateway.DispatchAsync("MESSAGE_CREATE", GatewayJson.Message(marker, markerChannel, "hello?", direct: true));
        await Bot.WaitForLogAsync($"Message {marker} /ask:");

        Assert.Empty(InChannel(ignored));
    }

    [Fact]
    public async Task MessageCreate_WithoutAnAuthor_IsSkippedAndTheConnectionGoesOn()
    {
        var broken = InteractionJson.NewId();
        await Bot.Gateway.DispatchAsync("MESSAGE_CREATE", new JsonObject { ["id"] = broken, ["channel_id"] = NewChannel(), ["content"] = "" });

        var (marker, channel) = (InteractionJson.NewId(), NewChannel());
        await Bot.Gateway.DispatchAsync("MESSAGE_CREATE", GatewayJson.Message(marker, channel, "hello?", direct: true));
        await Bot.WaitForLogAsync($"Message {marker} /ask:");

        Assert.Contains(Bot.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("MESSAGE_CREATE could not be read", StringComparison.Ordinal));
        Assert.Single(Bot.Gateway.Connections);
    }

    private static string NewChannel() => InteractionJson.NewId();

    private RecordedRequest[] InChannel(string channel) =>
        Bot.Rest.Requests.Where(r => r.Path.StartsWith($"/channels/{channel}/", StringComparison.Ordinal)).ToArray();

    private async Task<RecordedRequest> SingleCallbackAsync(string token)
    {
        await Bot.Rest.WaitAsync(r => r.Any(x => x.WebhookToken == token && x.IsCallback));
        return Assert.Single(Bot.Rest.ForToken(token));
    }

    private async Task<JsonNode> MentionAsync(string channel, string question)
    {
        var id = InteractionJson.NewId();
        await Bot.Gateway.DispatchAsync("MESSAGE_CREATE", GatewayJson.Message(id, channel, $"<@{Bot.Gateway.BotUserId}> {question}", [Bot.Gateway.BotUserId]));
        await Bot.WaitForLogAsync($"Message {id} /ask:");
        return InChannel(channel).Single(r => r.OperationId == "create_message" && r.Body!["message_reference"]!["message_id"]!.GetValue<string>() == id).Body!;
    }

    private static string SourceTitle(JsonNode reply, int n)
    {
        var name = reply["embeds"]![0]!["fields"]!.AsArray()
            .Select(f => f!["name"]!.GetValue<string>())
            .Single(f => f.StartsWith($"[{n}] ", StringComparison.Ordinal));
        return name[$"[{n}] ".Length..];
    }
}
