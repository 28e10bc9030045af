namespace RagPapers.Answering.FollowUps;

/// <summary>
/// A writer that can also rewrite a follow-up into a standalone question (the LLM writer does, with prompts/followup.txt).
/// PaperAssistant asks it only when the deterministic <see cref="FollowUpResolver"/> found no named source to restrict to.
/// </summary>
public interface IFollowUpRewriter
{
    /// <summary>The standalone question, or null when it could not be rewritten (the deterministic resolution is used then).</summary>
    Task<string?> RewriteAsync(string question, Conversation conversation, CancellationToken cancellationToken = default);
}
