using RagPapers.Answering.Contracts;
using RagPapers.Server.Contracts;

namespace RagPapers.Server.Asking;

/// <summary>An answer with the conversation it belongs to and the time it took.</summary>
public sealed record AskOutcome(Answer Answer, string ConversationId, AskTimingsDto Timings);
