using System.Text.Json;
using System.Text.Json.Serialization;
using RagPapers.Retrieval;

namespace RagPapers.Cli.Rendering;

/// <summary>The JSON of `search --json`: ranked papers with their matching passages.</summary>
internal static class CliJson
{
    public static string Search(RetrievalResult result)
    {
        var papers = result.Papers.Select((p, i) => new SearchHitDto(
            i + 1,
            p.Paper.Id,
            p.Paper.Title,
            p.Paper.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            p.Paper.Source,
            Math.Round(p.Score, 6),
            Math.Round(p.Relevance, 4),
            p.Passages.Select(x => x.Text).ToArray())).ToArray();
        return JsonSerializer.Serialize(new SearchDto(result.Query, result.HasRelevantEvidence, papers, result.Notice, result.SearchedFor), CliJsonContext.Default.SearchDto);
    }
}

/// <param name="Notice">Why the result is less than full (keyword results only while the semantic index is built); null otherwise.</param>
/// <param name="SearchedFor">The query as searched when spelling correction changed it; absent otherwise.</param>
internal sealed record SearchDto(
    string Query,
    bool Relevant,
    IReadOnlyList<SearchHitDto> Papers,
    string? Notice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SearchedFor);

internal sealed record SearchHitDto(int Rank, string PaperId, string Title, string? Date, string Source, double Score, double Relevance, IReadOnlyList<string> Passages);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(SearchDto))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
