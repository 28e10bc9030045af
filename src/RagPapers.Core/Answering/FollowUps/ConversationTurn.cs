using RagPapers.Answering.Contracts;
using RagPapers.Retrieval;

namespace RagPapers.Answering.FollowUps;

/// <summary>One exchange: the question, what it was resolved to, the answer, and the papers it drew on.</summary>
public sealed record ConversationTurn(string Question, string StandaloneQuestion, Answer Answer, IReadOnlyList<RetrievedPaper> Evidence);
