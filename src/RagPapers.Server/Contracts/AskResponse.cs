using RagPapers.Answering;

namespace RagPapers.Server.Contracts;

/// <summary>The answer contract (status, answer, citations, writer, notice) plus the conversation id and timings.</summary>
public sealed record AskResponse(
    string Status,
    string Answer,
    IReadOnlyList<CitationDto> Citations,
    string Writer,
    string? Notice,
    string ConversationId,
    AskTimingsDto Timings)
{
    public static AskResponse From(Answer answer, string conversationId, AskTimingsDto timings)
    {
        var dto = AnswerDto.From(answer);
        return new(dto.Status, dto.Text, dto.Citations, dto.Writer, dto.Notice, conversationId, timings);
    }
}
