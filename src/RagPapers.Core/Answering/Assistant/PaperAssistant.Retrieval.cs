using RagPapers.Answering.FollowUps;
using RagPapers.Answering.Questions;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Answering.Assistant;

/// <summary>How the assistant gathers the evidence for a question: a restricted or list search, a named source kept.</summary>
public sealed partial class PaperAssistant
{
    private async Task<RetrievalResult> RetrieveAsync(ResolvedQuestion resolved, SearchFilter? filter, Conversation conversation, CancellationToken cancellationToken)
    {
        // A restricted search must be allowed to return every paper it is restricted to.
        var topK = Math.Max(_options.TopK, resolved.RestrictTo?.Count ?? 0);
        var query = MetadataQuestion.Fields(resolved.Standalone) == MetadataField.None ? resolved.Standalone : MetadataQuestion.Subject(resolved.Standalone);
        var request = new RetrievalRequest(query, topK, filter, resolved.RestrictTo);
        var evidence = await _retriever.RetrieveAsync(request, cancellationToken);
        return resolved is { SelectedSource: not null, RestrictTo.Count: 1 }
            ? FocusOn(resolved.RestrictTo.First(), evidence, conversation)
            : evidence;
    }

    // "Who wrote HuBERT and when was it published?" names its paper: "it" is HuBERT, not the previous answer's
    // source. The papers the question itself finds best are checked for a name the question contains.
    private async Task<bool> NamesPaperAsync(string question, CancellationToken cancellationToken)
    {
        var found = await _retriever.RetrieveAsync(new RetrievalRequest(question, NameCheckDepth, Diversify: false), cancellationToken);
        return found.Papers.Any(p => PaperNames.IsNamedIn(p.Paper, question));
    }

    /// <summary>
    /// Every paper above the relevance threshold retrieval judged by (Retrieval:MinRelevance, or the keyword-only one
    /// while the semantic index is built) among the best ranked, up to <see cref="ListQuestion.MaxPapers"/>, the
    /// most relevant first (ties in rank order). MMR stays off: a complete list wants each relevant paper, near-duplicates
    /// included. Ordering by relevance rather than rank keeps a paper covering every word of the question ahead of one
    /// that ranks well on a few, when more than ten pass the threshold.
    /// </summary>
    private async Task<RetrievalResult> RetrieveListAsync(ResolvedQuestion resolved, SearchFilter? filter, CancellationToken cancellationToken)
    {
        var request = new RetrievalRequest(resolved.Standalone, ListQuestion.CandidatePapers, filter, Diversify: false);
        var evidence = await _retriever.RetrieveAsync(request, cancellationToken);
        var listed = evidence.Papers
            .Where(p => p.Relevance >= (evidence.RelevanceThreshold ?? _options.MinRelevance))
            .OrderByDescending(p => p.Relevance)
            .Take(ListQuestion.MaxPapers)
            .ToArray();
        Log.ListRetrieved(_logger, listed.Length, evidence.Papers.Count);
        return evidence with { Papers = listed };
    }

    // The user named this paper, so it is the evidence whatever its relevance to the reworded question; if the
    // search (with its filter) no longer returns it, the previous turn still holds it.
    private RetrievalResult FocusOn(string paperId, RetrievalResult evidence, Conversation conversation)
    {
        var paper = evidence.Papers.FirstOrDefault(p => p.Paper.Id == paperId)
            ?? conversation.Last?.Evidence.FirstOrDefault(p => p.Paper.Id == paperId);
        if (paper is null)
        {
            Log.SelectedSourceMissing(_logger, paperId);
            return evidence with { Papers = [], HasRelevantEvidence = false };
        }

        return evidence with { Papers = [paper], HasRelevantEvidence = true };
    }
}
