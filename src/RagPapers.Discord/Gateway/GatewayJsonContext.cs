using System.Text.Json.Serialization;

namespace RagPapers.Discord.Gateway;

/// <summary>
/// Source-generated JSON of the Gateway, snake_case. Nulls are written: a heartbeat before any event carries
/// "d": null, as the docs ask.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(GatewayMessage))]
[JsonSerializable(typeof(GatewaySend<IdentifyData>))]
[JsonSerializable(typeof(GatewaySend<ResumeData>))]
[JsonSerializable(typeof(GatewaySend<long?>))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
