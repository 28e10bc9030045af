using System.Text.Json;
using RagPapers.Discord.Interactions;

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

    public string? GetString(string name) =>
        Options.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;

    public int? GetInt32(string name) =>
        Options.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;
}
