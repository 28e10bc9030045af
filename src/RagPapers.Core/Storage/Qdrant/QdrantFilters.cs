using System.Globalization;

namespace RagPapers.Storage.Qdrant;

/// <summary>The filters the index sends, built in one place so their shape is easy to check against the schema.</summary>
internal static class QdrantFilters
{
    public static readonly Condition IsPaper = Condition.Equal(QdrantNames.Kind, QdrantNames.PaperKind);
    public static readonly Condition IsChunk = Condition.Equal(QdrantNames.Kind, QdrantNames.ChunkKind);

    public static Filter Papers() => new(Must: [IsPaper]);

    public static Filter Chunks() => new(Must: [IsChunk]);

    public static Filter ChunksOf(string paperId) => new(Must: [IsChunk, Condition.Equal(QdrantNames.PaperId, paperId)]);

    public static Filter ChunksOf(IReadOnlyList<string> paperIds) => new(Must: [IsChunk, Condition.AnyOf(QdrantNames.PaperId, paperIds)]);

    /// <summary>
    /// A search filter as the SQLite store applies it: an inclusive date range (a paper without a date has no
    /// <c>published</c> field, so any date bound drops it unless the filter includes undated papers) and the exact
    /// source file name. Null when empty.
    /// </summary>
    public static Filter? From(SearchFilter? filter)
    {
        if (filter is null || filter.IsEmpty)
        {
            return null;
        }

        var must = new List<Condition>();
        if (filter.From is not null || filter.To is not null)
        {
            var range = new Condition(QdrantNames.Published, Range: new RangeCondition(Gte: FormatDate(filter.From), Lte: FormatDate(filter.To)));
            must.Add(filter.IncludeUndated ? new Condition(Should: [range, new Condition(IsEmpty: new PayloadField(QdrantNames.Published))]) : range);
        }

        if (!string.IsNullOrEmpty(filter.Source))
        {
            must.Add(Condition.Equal(QdrantNames.Source, filter.Source));
        }

        return new Filter(Must: must);
    }

    /// <summary>Chunks of the batch's papers at or past each paper's new chunk count: what a shorter new version leaves behind.</summary>
    public static Filter StaleChunks(IReadOnlyList<PaperDocument> batch) =>
        new(
            Must: [IsChunk],
            Should: [.. batch.Select(d => new Condition(Must:
            [
                Condition.Equal(QdrantNames.PaperId, d.Paper.Id),
                new Condition(QdrantNames.Ordinal, Range: new RangeCondition(Gte: d.Chunks.Count == 0 ? 0 : d.Chunks.Max(c => c.Chunk.Ordinal) + 1)),
            ]))]);

    /// <summary>Dates are stored as RFC 3339 midnight UTC, which a datetime index and range filter both accept.</summary>
    public static string? FormatDate(DateOnly? date) =>
        date is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z" : null;

    public static DateOnly? ParseDate(string? value) =>
        value is { Length: >= 10 } ? DateOnly.ParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
