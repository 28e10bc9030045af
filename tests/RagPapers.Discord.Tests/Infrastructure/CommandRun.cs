using System.Net;
using System.Text.Json.Nodes;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>Runs one slash command end to end: signed POST, the immediate reply, then every webhook call the bot made for it.</summary>
public sealed record CommandRun(JsonNode Reply, IReadOnlyList<RecordedRequest> Webhook)
{
    public IReadOnlyList<JsonNode> Messages => Webhook.Select(r => r.Body!).ToArray();

    public RecordedRequest Original => Assert.Single(Webhook, r => r.IsEditOriginal);

    /// <summary>All visible text of the messages (content, titles, descriptions, fields, footers), in order.</summary>
    public string Text => string.Join("\n", Messages.SelectMany(TextOf));

    public static async Task<CommandRun> RunAsync(BotFixture fixture, string channel, string name, params (string Name, object Value)[] options)
    {
        var id = InteractionJson.NewId();
        var token = InteractionJson.NewToken();
        using var response = await fixture.Bot.PostAsync(InteractionJson.Command(id, name, token, channel, options), fixture.Key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (reply["type"]!.GetValue<int>() != 5)
        {
            return new CommandRun(reply, []);
        }

        // The worker logs once it has delivered (or given up on) every message of the interaction.
        await WaitForLogAsync(fixture.Bot, $"Interaction {id} /{name}:");
        return new CommandRun(reply, fixture.Discord.ForToken(token));
    }

    public static async Task WaitForLogAsync(BotServer bot, string text)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (!bot.Logs.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (TimeProvider.System.GetElapsedTime(deadline) > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"no log line with '{text}':\n" + string.Join("\n", bot.Logs.Lines.TakeLast(30)));
            }

            await Task.Delay(20);
        }
    }

    public static IEnumerable<string> TextOf(JsonNode message)
    {
        if (message["content"]?.GetValue<string>() is { } content)
        {
            yield return content;
        }

        foreach (var embed in message["embeds"]?.AsArray() ?? [])
        {
            foreach (var text in new[] { embed?["title"], embed?["description"], embed?["footer"]?["text"] })
            {
                if (text is not null)
                {
                    yield return text.GetValue<string>();
                }
            }

            foreach (var field in embed?["fields"]?.AsArray() ?? [])
            {
                yield return field!["name"]!.GetValue<string>() + "\n" + field["value"]!.GetValue<string>();
            }
        }
    }
}
