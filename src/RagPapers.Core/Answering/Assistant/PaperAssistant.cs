using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.FollowUps;
using RagPapers.Answering.Questions;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Answering.Assistant;

/// <summary>
/// The one entry point every front-end calls: resolves a follow-up, retrieves evidence, has the writer answer,
/// and records the turn in the conversation. <see cref="AskStreamingAsync"/> does the same with text deltas.
/// </summary>
public sealed partial class PaperAssistant
{
    private const string CancelledText = "Cancelled.";

    /// <summary>Papers checked for a name the question contains: a named paper ranks at the top for its own name.</summary>
    private const int NameCheckDepth = 5;

    private readonly IPaperRetriever _retriever;
    private readonly FollowUpResolver _resolver;
    private readonly RetrievalOptions _options;
    private readonly ILogger<PaperAssistant> _logger;
    private readonly TimeProvider _time;

    public PaperAssistant(
        IPaperRetriever retriever,
        AnswerWriters writers,
        FollowUpResolver resolver,
        IOptions<RetrievalOptions> options,
        ILogger<PaperAssistant> logger,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _retriever = retriever;
        Writers = writers;
        _resolver = resolver;
        _options = options.Value;
        _logger = logger;
        _time = time;
    }

    /// <summary>The writers a caller may name ("extractive", and "llm" when a chat model is configured) and the default.</summary>
    public AnswerWriters Writers { get; }

    /// <summary>
    /// Answers <paramref name="question"/> with the default writer in the context of <paramref name="conversation"/>
    /// and records the turn. When <paramref name="cancellationToken"/> is cancelled the answer has status Cancelled
    /// and no turn is recorded.
    /// </summary>
    /// <exception cref="ArgumentException">The question is empty.</exception>
    public Task<Answer> AskAsync(string question, Conversation conversation, SearchFilter? filter = null, CancellationToken cancellationToken = default) =>
        AskAsync(question, conversation, filter, writer: null, cancellationToken);

    /// <summary>Like the other overload, with the writer named <paramref name="writer"/> (null: the default).</summary>
    /// <exception cref="ArgumentException">The question is empty, or no writer has that name.</exception>
    public async Task<Answer> AskAsync(string question, Conversation conversation, SearchFilter? filter, string? writer, CancellationToken cancellationToken = default)
    {
        var chosen = Validate(question, conversation, writer);
        var started = _time.GetTimestamp();
        try
        {
            var request = await PrepareAsync(question, conversation, filter, chosen, cancellationToken);
            var answer = await WriteAsync(chosen, request, cancellationToken);
            return Complete(request, answer, conversation, started, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Cancelled(chosen, started);
        }
    }

    /// <summary>Papers most like <paramref name="paperId"/>, for "/similar"; empty if the id is unknown.</summary>
    public Task<IReadOnlyList<RetrievedPaper>> SimilarAsync(string paperId, int top, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paperId);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        return _retriever.SimilarAsync(paperId, top, cancellationToken);
    }

    private IAnswerWriter Validate(string question, Conversation conversation, string? writer)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new ArgumentException("Ask a question: the question text is empty.", nameof(question));
        }

        ArgumentNullException.ThrowIfNull(conversation);
        return Writers.Get(writer);
    }

    private async Task<AnswerRequest> PrepareAsync(string question, Conversation conversation, SearchFilter? filter, IAnswerWriter writer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var resolved = await ResolveAsync(question, conversation, writer, cancellationToken);
        var listsPapers = resolved.RestrictTo is null && (ListQuestion.IsList(question) || ListQuestion.IsList(resolved.Standalone));
        var evidence = listsPapers
            ? await RetrieveListAsync(resolved, filter, cancellationToken)
            : await RetrieveAsync(resolved, filter, conversation, cancellationToken);
        return new AnswerRequest(question, resolved.Standalone, evidence, filter, resolved.AmongPreviousSources ? resolved.RestrictTo!.Count : 0, listsPapers);
    }

    private ConversationTurn Record(AnswerRequest request, Answer answer, Conversation conversation, long started, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested(); // a late cancel still means the user gave up on this answer
        var turn = new ConversationTurn(request.Question, request.StandaloneQuestion, answer, request.Evidence.Papers);
        conversation.Add(turn);
        Log.Answered(_logger, answer.Status, answer.Writer, answer.Citations.Count, request.Evidence.Papers.Count, _time.GetElapsedTime(started).TotalMilliseconds);
        return turn;
    }

    // The answer says what was searched when spelling correction changed the question, whichever writer wrote it.
    private Answer Complete(AnswerRequest request, Answer answer, Conversation conversation, long started, CancellationToken cancellationToken) =>
        Record(request, WithRetrievalNotice(answer with { SearchedFor = request.Evidence.SearchedFor }, request.Evidence.Notice), conversation, started, cancellationToken).Answer;

    // What retrieval had to say (keyword results only while the semantic index is built) comes first, then the writer's.
    private static Answer WithRetrievalNotice(Answer answer, string? notice) =>
        notice is null ? answer : answer with { Notice = answer.Notice is { Length: > 0 } own ? $"{notice}; {own}" : notice };

    // Retrieval decided whether there is anything to answer from (the assistant re-decides only for a source the user
    // named): a writer is handed evidence only, and "nothing found" is said here, in the chosen writer's name.
    private static Task<Answer> WriteAsync(IAnswerWriter writer, AnswerRequest request, CancellationToken cancellationToken) =>
        request.Evidence.HasRelevantEvidence ? writer.WriteAsync(request, cancellationToken) : Task.FromResult(NoEvidenceAnswer.For(request, writer.Name));

    private Answer Cancelled(IAnswerWriter writer, long started)
    {
        Log.AnswerCanceled(_logger, _time.GetElapsedTime(started).TotalMilliseconds);
        return new Answer(AnswerStatus.Cancelled, CancelledText, [], writer.Name);
    }

    private async Task<ResolvedQuestion> ResolveAsync(string question, Conversation conversation, IAnswerWriter writer, CancellationToken cancellationToken)
    {
        var resolved = _resolver.Resolve(question, conversation);
        if (resolved.ByPronoun && await NamesPaperAsync(question, cancellationToken))
        {
            resolved = _resolver.Resolve(question, conversation, pronounsPointBack: false);
        }

        // A named source ("the second one") is resolved exactly by the rules; a model is asked only for the rest.
        if (writer is IFollowUpRewriter rewriter && conversation.Last is not null && resolved.RestrictTo is null)
        {
            var rewritten = await rewriter.RewriteAsync(question, conversation, cancellationToken);
            resolved = string.IsNullOrWhiteSpace(rewritten) ? resolved : new ResolvedQuestion(rewritten.Trim());
        }

        Log.QuestionResolved(_logger, question, resolved.Standalone);
        if (resolved.RestrictTo is { } restricted)
        {
            Log.FollowUpRestricted(_logger, restricted.Count, resolved.SelectedSource);
        }

        return resolved;
    }
}
