using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagPapers.Server.Contracts;

/// <summary>Source-generated JSON metadata of every request and response of the HTTP API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(AskRequest))]
[JsonSerializable(typeof(AskResponse))]
[JsonSerializable(typeof(AnswerDeltaEvent))]
[JsonSerializable(typeof(AnswerTextEvent))]
[JsonSerializable(typeof(CitationsEvent))]
[JsonSerializable(typeof(DoneEvent))]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(PaperDto))]
[JsonSerializable(typeof(PaperPage))]
[JsonSerializable(typeof(SimilarPapers))]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(HealthReportDto))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
