namespace RagPapers.Discord.Rest;

/// <summary>Discord's error body ({"code", "message", "errors"}); on a 429 also "retry_after" (seconds) and "global".</summary>
internal sealed record DiscordErrorBody(int? Code = null, string? Message = null, double? RetryAfter = null, bool? Global = null);
