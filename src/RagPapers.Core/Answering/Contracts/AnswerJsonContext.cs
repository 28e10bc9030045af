using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagPapers.Answering.Contracts;

/// <summary>Source-generated JSON metadata for the answer contract; front-ends add it to their resolver chain.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AnswerDto))]
public sealed partial class AnswerJsonContext : JsonSerializerContext;
