using System.Text.Json.Serialization;

namespace RagPapers.Discord.Rest;

/// <summary>Source-generated JSON for everything sent to or read from Discord: snake_case, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(List<RegisteredCommand>))]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(ChannelMessage))]
[JsonSerializable(typeof(GatewayBot))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
