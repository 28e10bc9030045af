namespace RagPapers.Answering.Extractive;

/// <summary>One abstract sentence with how well it answers the question.</summary>
/// <param name="Position">Index of the sentence in its abstract.</param>
/// <param name="Text">The sentence, verbatim from the abstract.</param>
/// <param name="Coverage">Share of the question's term weight the sentence contains, in [0, 1].</param>
/// <param name="Score">Coverage plus bonuses, scaled by the paper's relevance and the sentence's length.</param>
internal sealed record ScoredSentence(int Position, string Text, double Coverage, double Score);
