using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Qdrant.Client.Grpc;
using Range = Qdrant.Client.Grpc.Range;

namespace RagPapers.Storage.Qdrant;

/// <summary>The filters the index sends, built in one place so their shape is easy to check against the protos.</summary>
internal static class QdrantFilters
{
    public static Condition IsPaper => Keyword(QdrantNames.Kind, QdrantNames.PaperKind);

    public static Condition IsChunk => Keyword(QdrantNames.Kind, QdrantNames.ChunkKind);

    // A paper without a date has no published field.
    public static Condition IsUndated => new() { IsEmpty = new IsEmptyCondition { Key = QdrantNames.Published } };

    public static Filter Papers() => new() { Must = { IsPaper } };

    public static Filter Chunks() => new() { Must = { IsChunk } };

    public static Filter ChunksOf(string paperId) => new() { Must = { IsChunk, Keyword(QdrantNames.PaperId, paperId) } };

    public static Filter ChunksOf(IReadOnlyList<string> paperIds) =>
        new() { Must = { IsChunk, Field(QdrantNames.PaperId, new Match { Keywords = new RepeatedStrings { Strings = { paperIds } } }) } };

    public static Filter BySource(string source, bool papersOnly) =>
        papersOnly ? new Filter { Must = { IsPaper, Keyword(QdrantNames.Source, source) } } : new Filter { Must = { Keyword(QdrantNames.Source, source) } };

    public static Condition Keyword(string key, string value) => Field(key, new Match { Keyword = value });

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

        var result = new Filter();
        if (filter.From is not null || filter.To is not null)
        {
            var range = new DatetimeRange { Gte = Timestamp(filter.From), Lte = Timestamp(filter.To) };
            var inRange = new Condition { Field = new FieldCondition { Key = QdrantNames.Published, DatetimeRange = range } };
            result.Must.Add(filter.IncludeUndated ? new Condition { Filter = new Filter { Should = { inRange, IsUndated } } } : inRange);
        }

        if (!string.IsNullOrEmpty(filter.Source))
        {
            result.Must.Add(Keyword(QdrantNames.Source, filter.Source));
        }

        return result;
    }

    /// <summary>Chunks of the batch's papers at or past each paper's new chunk count: what a shorter new version leaves behind.</summary>
    public static Filter StaleChunks(IReadOnlyList<PaperDocument> batch)
    {
        var filter = new Filter { Must = { IsChunk } };
        foreach (var document in batch)
        {
            var firstStale = document.Chunks.Count == 0 ? 0 : document.Chunks.Max(c => c.Chunk.Ordinal) + 1;
            var stale = new Filter { Must = { Keyword(QdrantNames.PaperId, document.Paper.Id), new Condition { Field = new FieldCondition { Key = QdrantNames.Ordinal, Range = new Range { Gte = firstStale } } } } };
            filter.Should.Add(new Condition { Filter = stale });
        }

        return filter;
    }

    /// <summary>Papers without a date (of one source file when given): order_by on <c>published</c> skips them, so a listing reads them apart.</summary>
    public static Filter UndatedPapers(string? source = null)
    {
        var filter = new Filter { Must = { IsPaper, IsUndated } };
        if (!string.IsNullOrEmpty(source))
        {
            filter.Must.Add(Keyword(QdrantNames.Source, source));
        }

        return filter;
    }

    /// <summary>Dates are stored as RFC 3339 midnight UTC, which a datetime index and range filter both accept.</summary>
    public static string? FormatDate(DateOnly? date) =>
        date is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z" : null;

    public static DateOnly? ParseDate(string? value) =>
        value is { Length: >= 10 } ? DateOnly.ParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static Condition Field(string key, Match match) => new() { Field = new FieldCondition { Key = key, Match = match } };

    private static Timestamp? Timestamp(DateOnly? date) =>
        date is { } day ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) : null;
}
