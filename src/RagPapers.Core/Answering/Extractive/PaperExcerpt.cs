using RagPapers.Retrieval;

namespace RagPapers.Answering.Extractive;

/// <summary>The sentences chosen from one evidence paper, in abstract order, and the one quoted in its citation.</summary>
internal sealed record PaperExcerpt(RetrievedPaper Evidence, IReadOnlyList<ScoredSentence> Sentences, ScoredSentence Quote);
