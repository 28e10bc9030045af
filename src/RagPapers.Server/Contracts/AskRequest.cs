using System.ComponentModel;

namespace RagPapers.Server.Contracts;

/// <summary>The body of POST /api/ask and /api/ask/stream.</summary>
public sealed record AskRequest(
    [property: Description("The question, 1 to 2000 characters.")] string? Question,
    [property: Description("Continue this conversation (follow-ups such as \"and the second one?\"); omit to start a new one.")] string? ConversationId = null,
    [property: Description("Restrict the evidence to a date range and/or a source file.")] AskFilters? Filters = null,
    [property: Description("The answer writer by name; omit for the configured default.")] string? Writer = null);
