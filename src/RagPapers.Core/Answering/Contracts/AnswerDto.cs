using System.Text.Json.Serialization;

namespace RagPapers.Answering.Contracts;

/// <summary>
/// The answer contract's JSON form, shared by the CLI's --json and the HTTP API:
/// status ("answered", "no_evidence", "cancelled"), answer text, citations, writer, notice, and searchedFor (the
/// spelling-corrected question that was searched; the field is absent when the question was searched as asked).
/// </summary>
public sealed record AnswerDto(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("answer")] string Text,
    [property: JsonPropertyName("citations")] IReadOnlyList<CitationDto> Citations,
    [property: JsonPropertyName("writer")] string Writer,
    [property: JsonPropertyName("notice")] string? Notice,
    [property: JsonPropertyName("searchedFor"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SearchedFor = null)
{
    public const string Answered = "answered";
    public const string NoEvidence = "no_evidence";
    public const string Cancelled = "cancelled";

    public static AnswerDto From(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(StatusName(answer.Status), answer.Text, answer.Citations.Select(CitationDto.From).ToArray(), answer.Writer, answer.Notice, answer.SearchedFor);
    }

    public static string StatusName(AnswerStatus status) => status switch
    {
        AnswerStatus.Answered => Answered,
        AnswerStatus.NoEvidence => NoEvidence,
        AnswerStatus.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown answer status."),
    };
}
