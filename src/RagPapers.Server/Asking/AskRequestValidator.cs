using RagPapers.Answering.Assistant;
using RagPapers.Server.Contracts;
using RagPapers.Server.Conversations;
using RagPapers.Storage;

namespace RagPapers.Server.Asking;

/// <summary>Checks an ask request field by field; each error is keyed by the JSON path of the field it is about.</summary>
public sealed class AskRequestValidator(AnswerWriters writers)
{
    public const int MaxQuestionLength = 2_000;
    public const int MaxSourceLength = 255;

    /// <summary>The valid request, or null with <paramref name="errors"/> saying what to fix.</summary>
    public ValidAsk? Validate(AskRequest? request, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["The body must be a JSON object such as {\"question\": \"What is Barlow Twins?\"}."];
            return null;
        }

        var question = CheckQuestion(request.Question, errors);
        CheckConversationId(request.ConversationId, errors);
        var filter = CheckFilters(request.Filters, errors);
        if (request.Writer is { } writer && !writers.Contains(writer))
        {
            errors["writer"] = [writers.Unavailable(writer)];
        }

        return errors.Count == 0 ? new ValidAsk(question!, request.ConversationId, filter, request.Writer) : null;
    }

    private static string? CheckQuestion(string? question, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            errors["question"] = ["The question is required and must not be blank."];
            return null;
        }

        if (question.Length > MaxQuestionLength)
        {
            errors["question"] = [$"The question is {question.Length} characters long; the limit is {MaxQuestionLength}."];
            return null;
        }

        return question;
    }

    private static void CheckConversationId(string? id, Dictionary<string, string[]> errors)
    {
        if (id is not null && !ConversationStore.IsWellFormedId(id))
        {
            errors["conversationId"] = ["The conversation id must be the 32 hex digits a previous answer returned; omit it to start a new conversation."];
        }
    }

    private static SearchFilter? CheckFilters(AskFilters? filters, Dictionary<string, string[]> errors)
    {
        if (filters is null)
        {
            return null;
        }

        if (filters.From is { } from && filters.To is { } to && from > to)
        {
            errors["filters.from"] = [$"filters.from ({from:yyyy-MM-dd}) is after filters.to ({to:yyyy-MM-dd})."];
        }

        if (filters.Source is { Length: > MaxSourceLength })
        {
            errors["filters.source"] = [$"filters.source is longer than {MaxSourceLength} characters; it names a collection file."];
        }

        var filter = new SearchFilter(filters.From, filters.To, string.IsNullOrWhiteSpace(filters.Source) ? null : filters.Source, filters.IncludeUndated ?? false);
        return filter.IsEmpty ? null : filter;
    }
}
