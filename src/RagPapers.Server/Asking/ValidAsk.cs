using RagPapers.Answering;
using RagPapers.Storage;

namespace RagPapers.Server.Asking;

/// <summary>An ask request that passed validation: a question within limits, a known writer, a sane filter.</summary>
public sealed record ValidAsk(string Question, string? ConversationId, SearchFilter? Filter, IAnswerWriter Writer);
