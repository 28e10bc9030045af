using System.Text.Json.Nodes;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>A request the Discord stand-in received, with what was wrong with it (schema or limits).</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string? OperationId,
    string? Authorization,
    string? UserAgent,
    JsonNode? Body,
    IReadOnlyList<string> Violations,
    TimeSpan ReceivedAt)
{
    /// <summary>The token segment of a webhook path (/webhooks/{application_id}/{token}/…) or an interaction callback (/interactions/{id}/{token}/callback).</summary>
    public string? WebhookToken => Path.StartsWith("/webhooks/", StringComparison.Ordinal) || Path.StartsWith("/interactions/", StringComparison.Ordinal)
        ? Path.Split('/')[3]
        : null;

    public bool IsCallback => OperationId == "create_interaction_response";

    public bool IsEditOriginal => OperationId == "update_original_webhook_message";

    public bool IsFollowup => OperationId == "execute_webhook";

    public override string ToString() => $"{Method} {Path} {Body?.ToJsonString()}";
}
