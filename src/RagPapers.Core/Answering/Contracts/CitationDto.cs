using System.Text.Json.Serialization;

namespace RagPapers.Answering.Contracts;

/// <summary>A citation in the answer contract's JSON form.</summary>
public sealed record CitationDto(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("paperId")] string PaperId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("date")] DateOnly? Date,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("quote")] string Quote,
    [property: JsonPropertyName("score")] double Score)
{
    // Three decimals are all a reader can use and keep the JSON short; ordering is already in "n".
    private const int ScoreDecimals = 3;

    public static CitationDto From(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return new(citation.N, citation.PaperId, citation.Title, citation.Date, citation.Source, citation.Quote, Math.Round(citation.Score, ScoreDecimals));
    }
}
