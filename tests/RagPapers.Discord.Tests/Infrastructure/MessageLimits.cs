using System.Text.Json.Nodes;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>
/// Discord's message limits checked independently of the bot's own code, including the ones the OpenAPI schema
/// cannot state (6,000 characters across all embeds of a message) and counting UTF-16 units as the bot does.
/// </summary>
public static class MessageLimits
{
    // The properties Discord documents; the schema allows others, but a stray one means we serialize something by mistake.
    private static readonly string[] MessageKeys = ["content", "embeds", "allowed_mentions", "flags", "components", "attachments", "tts", "message_reference"];
    private static readonly string[] EmbedKeys = ["title", "description", "url", "color", "timestamp", "fields", "footer", "author", "image", "thumbnail"];
    private static readonly string[] FieldKeys = ["name", "value", "inline"];

    public static IReadOnlyList<string> Check(JsonNode message)
    {
        var errors = new List<string>();
        Known(errors, "message", message, MessageKeys);
        Max(errors, "content", message["content"], 2_000);
        var embeds = message["embeds"]?.AsArray() ?? [];
        if (embeds.Count > 10)
        {
            errors.Add($"{embeds.Count} embeds > 10");
        }

        var total = 0;
        foreach (var embed in embeds)
        {
            Known(errors, "embed", embed, EmbedKeys);
            total += Max(errors, "title", embed?["title"], 256) + Max(errors, "description", embed?["description"], 4_096)
                + Max(errors, "footer.text", embed?["footer"]?["text"], 2_048) + Max(errors, "author.name", embed?["author"]?["name"], 256);
            var fields = embed?["fields"]?.AsArray() ?? [];
            if (fields.Count > 25)
            {
                errors.Add($"{fields.Count} fields > 25");
            }

            foreach (var field in fields)
            {
                Known(errors, "field", field, FieldKeys);
                total += Max(errors, "field.name", field?["name"], 256) + Max(errors, "field.value", field?["value"], 1_024);
                if (string.IsNullOrEmpty(field?["value"]?.GetValue<string>()))
                {
                    errors.Add("empty field value");
                }
            }
        }

        if (total > 6_000)
        {
            errors.Add($"embeds total {total} > 6000");
        }

        return errors;
    }

    private static void Known(List<string> errors, string what, JsonNode? node, string[] keys) =>
        errors.AddRange((node?.AsObject() ?? []).Select(p => p.Key).Except(keys).Select(k => $"unexpected {what} property '{k}'"));

    private static int Max(List<string> errors, string name, JsonNode? value, int max)
    {
        var length = value?.GetValue<string>().Length ?? 0;
        if (length > max)
        {
            errors.Add($"{name} {length} > {max}");
        }

        return length;
    }
}
