using RagPapers.Storage;

namespace RagPapers.Server.Asking;

/// <summary>An ask request that passed validation: a question within limits, an available writer (null: the default), a sane filter.</summary>
public sealed record ValidAsk(string Question, string? ConversationId, SearchFilter? Filter, string? Writer);
