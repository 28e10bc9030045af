using System.Text.Json;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// Every Qdrant reply: <c>{"result": …, "status": "ok", "time": 0.001}</c> on success, and
/// <c>{"status": {"error": "…"}, "time": 0, "result": null}</c> on failure (401 is plain text instead).
/// </summary>
internal sealed record QdrantEnvelope<T>(T? Result, JsonElement? Status, double Time);

/// <summary>The reply to every write with <c>?wait=true</c>: status "completed" once applied.</summary>
internal sealed record UpdateResult(long? OperationId, string Status);

/// <summary>GET / (not enveloped): server title and version.</summary>
internal sealed record VersionInfo(string Title, string Version, string? Commit);

internal sealed record CountResult(long Count);
