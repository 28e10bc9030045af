using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Hosting;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Answering;

/// <summary>
/// The one entry point every front-end calls: resolves a follow-up, retrieves evidence, has the writer answer,
/// and records the turn in the conversation.
/// </summary>
public sealed class PaperAssistant
{
    private const string CancelledText = "Cancelled.";

    private readonly IPaperRetriever _retriever;
    private readonly IAnswerWriter _writer;
    private readonly FollowUpResolver _resolver;
    private readonly RetrievalOptions _options;
    private readonly ILogger<PaperAssistant> _logger;
    private readonly TimeProvider _time;

    public PaperAssistant(
        IPaperRetriever retriever,
        IAnswerWriter writer,
        FollowUpResolver resolver,
        IOptions<RetrievalOptions> options,
        ILogger<PaperAssistant> logger,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _retriever = retriever;
        _writer = writer;
        _resolver = resolver;
        _options = options.Value;
        _logger = logger;
        _time = time;
    }

    /// <summary>
    /// Answers <paramref name="question"/> in the context of <paramref name="conversation"/> and records the turn.
    /// When <paramref name="cancellationToken"/> is cancelled the answer has status Cancelled and no turn is recorded.
    /// </summary>
    /// <exception cref="ArgumentException">The question is empty.</exception>
    public async Task<Answer> AskAsync(string question, Conversation conversation, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new ArgumentException("Ask a question: the question text is empty.", nameof(question));
        }

        ArgumentNullException.ThrowIfNull(conversation);
        var started = _time.GetTimestamp();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var resolved = Resolve(question, conversation);
            var evidence = await RetrieveAsync(resolved, filter, conversation, cancellationToken);
            var answer = await _writer.WriteAsync(new AnswerRequest(question, resolved.Standalone, evidence), cancellationToken);
            cancellationToken.ThrowIfCancellationRequested(); // a late cancel still means the user gave up on this answer
            conversation.Add(new ConversationTurn(question, resolved.Standalone, answer, evidence.Papers));
            Log.Answered(_logger, answer.Status, answer.Writer, answer.Citations.Count, evidence.Papers.Count, _time.GetElapsedTime(started).TotalMilliseconds);
            return answer;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.AnswerCanceled(_logger, _time.GetElapsedTime(started).TotalMilliseconds);
            return new Answer(AnswerStatus.Cancelled, CancelledText, [], _writer.Name);
        }
    }

    /// <summary>Papers most like <paramref name="paperId"/>, for "/similar"; empty if the id is unknown.</summary>
    public Task<IReadOnlyList<RetrievedPaper>> SimilarAsync(string paperId, int top, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paperId);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        return _retriever.SimilarAsync(paperId, top, cancellationToken);
    }

    private ResolvedQuestion Resolve(string question, Conversation conversation)
    {
        var resolved = _resolver.Resolve(question, conversation);
        Log.QuestionResolved(_logger, question, resolved.Standalone);
        if (resolved.RestrictTo is { } restricted)
        {
            Log.FollowUpRestricted(_logger, restricted.Count, resolved.SelectedSource);
        }

        return resolved;
    }

    private async Task<RetrievalResult> RetrieveAsync(ResolvedQuestion resolved, SearchFilter? filter, Conversation conversation, CancellationToken cancellationToken)
    {
        // A restricted search must be allowed to return every paper it is restricted to.
        var topK = Math.Max(_options.TopK, resolved.RestrictTo?.Count ?? 0);
        var request = new RetrievalRequest(resolved.Standalone, topK, filter, resolved.RestrictTo);
        var evidence = await _retriever.RetrieveAsync(request, cancellationToken);
        return resolved is { SelectedSource: not null, RestrictTo.Count: 1 }
            ? FocusOn(resolved.RestrictTo.First(), evidence, conversation)
            : evidence;
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
