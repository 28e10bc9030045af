using System.Text.Json.Serialization;

namespace RagPapers.Discord.Gateway;

/// <summary>
/// Source-generated JSON of the Gateway, snake_case. Nulls are written: a heartbeat before any event carries
/// "d": null, as the docs ask. Reading is strict: an event without a field the bot relies on (READY's session_id,
/// a message's author) is a JsonException, reported and skipped, never a null deep inside the bot.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(GatewayMessage))]
[JsonSerializable(typeof(GatewaySend<IdentifyData>))]
[JsonSerializable(typeof(GatewaySend<ResumeData>))]
[JsonSerializable(typeof(GatewaySend<long?>))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
