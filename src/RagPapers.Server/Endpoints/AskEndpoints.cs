using Microsoft.AspNetCore.Http.HttpResults;
using RagPapers.Answering.Contracts;
using RagPapers.Server.Asking;
using RagPapers.Server.Contracts;
using RagPapers.Server.Conversations;
using RagPapers.Server.Streaming;

namespace RagPapers.Server.Endpoints;

public static class AskEndpoints
{
    /// <summary>POST /api/ask (one JSON answer) and POST /api/ask/stream (the same answer as Server-Sent Events).</summary>
    public static IEndpointRouteBuilder MapAskEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("Answers");
        api.MapPost("/ask", AskAsync)
            .WithName("Ask")
            .WithSummary("Answer a question with numbered citations")
            .WithDescription("The answer contract (status, answer, citations, writer, notice) plus conversationId and timings. "
                + "Send the returned conversationId with the next question for follow-ups; conversations expire when idle.")
            .ProducesBodyProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesApiProblems();
        api.MapPost("/ask/stream", StreamAsync)
            .WithName("AskStream")
            .WithSummary("Answer a question as Server-Sent Events")
            .WithDescription("Events: \"delta\" {text} pieces of the answer as they are written; \"answer\" {text}, the whole final text, only "
                + "when the checked answer differs from the deltas; one \"citations\" {citations}; then \"done\" {status, writer, notice, "
                + "conversationId, timings}. Closing the connection cancels the work.")
            .Produces<AnswerDeltaEvent>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesBodyProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesApiProblems()
            .WithRequestTimeout(RequestTimeoutPolicies.Stream);
        return app;
    }

    private static async Task<Results<Ok<AskResponse>, ValidationProblem, ProblemHttpResult>> AskAsync(
        AskRequest request, AskRequestValidator validator, AskService asker, HttpContext http)
    {
        if (validator.Validate(request, out var errors) is not { } ask)
        {
            return Problems.Invalid(errors);
        }

        var outcome = await asker.AskAsync(ask, http.RequestAborted);
        if (outcome is null)
        {
            return Problems.ConversationNotFound(ask.ConversationId!);
        }

        // Cancelled means the client left or the request timed out: the timeout middleware answers 504, nobody else listens.
        if (outcome.Answer.Status == AnswerStatus.Cancelled)
        {
            throw new OperationCanceledException(http.RequestAborted);
        }

        return TypedResults.Ok(AskResponse.From(outcome.Answer, outcome.ConversationId, outcome.Timings));
    }

    private static Results<ServerSentEventsResult<string>, ValidationProblem, ProblemHttpResult> StreamAsync(
        AskRequest request, AskRequestValidator validator, ConversationStore conversations, AnswerEventStream stream, HttpContext http)
    {
        if (validator.Validate(request, out var errors) is not { } ask)
        {
            return Problems.Invalid(errors);
        }

        if (ask.ConversationId is { } id && !conversations.Contains(id))
        {
            return Problems.ConversationNotFound(id);
        }

        return TypedResults.ServerSentEvents(stream.EventsAsync(ask, http.RequestAborted));
    }
}
