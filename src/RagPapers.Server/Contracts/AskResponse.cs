using System.Text.Json.Serialization;
using RagPapers.Answering.Contracts;

namespace RagPapers.Server.Contracts;

/// <summary>
/// The answer contract (status, answer, citations, writer, notice, and searchedFor when spelling correction changed
/// the question) plus the conversation id and timings.
/// </summary>
public sealed record AskResponse(
    string Status,
    string Answer,
    IReadOnlyList<CitationDto> Citations,
    string Writer,
    string? Notice,
    string ConversationId,
    AskTimingsDto Timings,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SearchedFor = null)
{
    public static AskResponse From(Answer answer, string conversationId, AskTimingsDto timings)
    {
        var dto = AnswerDto.From(answer);
        return new(dto.Status, dto.Text, dto.Citations, dto.Writer, dto.Notice, conversationId, timings, dto.SearchedFor);
    }
}
