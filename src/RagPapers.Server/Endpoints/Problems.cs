using Microsoft.AspNetCore.Http.HttpResults;

namespace RagPapers.Server.Endpoints;

/// <summary>The ProblemDetails results the handlers return, with details a client can act on.</summary>
internal static class Problems
{
    public static ProblemHttpResult PaperNotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Paper not found",
        detail: $"No paper has the id \"{id}\"; find ids with /api/search or /api/papers.");

    public static ProblemHttpResult ConversationNotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Conversation not found",
        detail: $"Conversation \"{id}\" does not exist or has expired; omit conversationId to start a new one.");

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        detail: string.Join(" ", errors.Values.SelectMany(messages => messages)),
        title: "The request is not valid");
}
