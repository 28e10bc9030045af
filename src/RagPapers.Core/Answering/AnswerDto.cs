using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagPapers.Answering;

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

    /// <exception cref="JsonException">The status is not one of the contract's values.</exception>
    public Answer ToAnswer() =>
        new(ParseStatus(Status), Text, (Citations ?? []).Select(c => c.ToCitation()).ToArray(), Writer, Notice, SearchedFor);

    public static string StatusName(AnswerStatus status) => status switch
    {
        AnswerStatus.Answered => Answered,
        AnswerStatus.NoEvidence => NoEvidence,
        AnswerStatus.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown answer status."),
    };

    /// <exception cref="JsonException">The status is not one of the contract's values.</exception>
    public static AnswerStatus ParseStatus(string status) => status switch
    {
        Answered => AnswerStatus.Answered,
        NoEvidence => AnswerStatus.NoEvidence,
        Cancelled => AnswerStatus.Cancelled,
        _ => throw new JsonException($"Unknown answer status \"{status}\"; expected \"{Answered}\", \"{NoEvidence}\" or \"{Cancelled}\"."),
    };
}
