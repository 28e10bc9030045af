using System.Buffers;
using System.Text.Json;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Commands;

/// <summary>A slash command as a user ran it: its name and its top-level option values.</summary>
internal sealed record SlashCommandInvocation(string Name, IReadOnlyDictionary<string, JsonElement> Options)
{
    public static SlashCommandInvocation From(InteractionData data) => new(
        data.Name ?? "",
        (data.Options ?? [])
            .Where(o => o.Value is not null)
            .GroupBy(o => o.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value!.Value.Clone(), StringComparer.Ordinal));

    /// <summary>/ask with <paramref name="question"/>: what a message that mentions the bot asks for.</summary>
    public static SlashCommandInvocation Ask(string question) =>
        new(SlashCommands.Ask, new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [SlashCommands.QuestionOption] = StringElement(question) });

    /// <summary>/help, for a mention that asks nothing.</summary>
    public static SlashCommandInvocation Help { get; } = new(SlashCommands.Help, new Dictionary<string, JsonElement>());

    public string? GetString(string name) =>
        Options.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;

    public int? GetInt32(string name) =>
        Options.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

    private static JsonElement StringElement(string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(text);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
