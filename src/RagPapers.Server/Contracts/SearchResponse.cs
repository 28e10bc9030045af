using System.Text.Json.Serialization;

namespace RagPapers.Server.Contracts;

/// <summary>The result of GET /api/search: ranked papers with their matching passages.</summary>
/// <param name="HasRelevantEvidence">False when even the best paper is below the relevance threshold an answer needs.</param>
/// <param name="Notice">Why the results are less than usual ("semantic index 212/516: keyword results only for now"), or null.</param>
/// <param name="SearchedFor">The query as searched when spelling correction changed it; absent otherwise.</param>
/// <param name="UndatedExcluded">With a date range and without includeUndated: how many undated papers the range left out; absent otherwise.</param>
public sealed record SearchResponse(
    string Query,
    bool HasRelevantEvidence,
    IReadOnlyList<SearchHit> Results,
    double ElapsedMs,
    string? Notice = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SearchedFor = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? UndatedExcluded = null);

/// <summary>One ranked paper. Score ranks within this list; relevance in [0, 1] is comparable across queries.</summary>
public sealed record SearchHit(
    int Rank,
    string PaperId,
    string Title,
    DateOnly? Date,
    string Source,
    IReadOnlyList<string> Authors,
    double Score,
    double Relevance,
    IReadOnlyList<PassageDto> Passages);

/// <summary>A matching chunk of a paper's abstract, verbatim.</summary>
public sealed record PassageDto(int Ordinal, string Text, double Score);
