namespace RagPapers.Answering.FollowUps;

/// <summary>A question made standalone for retrieval.</summary>
/// <param name="Standalone">The question to search with, references replaced by what they point to.</param>
/// <param name="RestrictTo">Paper ids the search is limited to, or null for the whole collection.</param>
/// <param name="SelectedSource">The previous answer's source number the user named ("the second one" is 2), or null.</param>
/// <param name="ByPronoun">Whether the source was found only through "it" or "this paper", which a paper named in the question overrules.</param>
public sealed record ResolvedQuestion(string Standalone, IReadOnlyCollection<string>? RestrictTo = null, int? SelectedSource = null, bool ByPronoun = false)
{
    /// <summary>Whether retrieval is limited to the previous answer's sources as a whole ("which of those…").</summary>
    public bool AmongPreviousSources => RestrictTo is not null && SelectedSource is null;
}
