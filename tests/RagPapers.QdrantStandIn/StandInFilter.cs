using System.Globalization;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;
using QdrantValue = global::Qdrant.Client.Grpc.Value;

namespace RagPapers.Testing.Qdrant;

/// <summary>
/// Qdrant's filter semantics for the conditions RagPapers uses: must / should / must_not, field conditions with a
/// keyword, integer or keywords (any) match, a numeric range, a datetime range, is_empty, has_id and nested filters. A
/// payload value that is a list matches when any element does; a missing field fails match and range. Anything else
/// is refused as unsupported rather than guessed.
/// </summary>
internal static class StandInFilter
{
    public static bool Matches(Filter? filter, StandInPoint point)
    {
        if (filter is null)
        {
            return true;
        }

        if (filter.MinShould is not null)
        {
            throw StandInError.Unsupported("min_should");
        }

        return filter.Must.All(c => Condition(c, point))
            && (filter.Should.Count == 0 || filter.Should.Any(c => Condition(c, point)))
            && !filter.MustNot.Any(c => Condition(c, point));
    }

    private static bool Condition(Condition condition, StandInPoint point) => condition.ConditionOneOfCase switch
    {
        global::Qdrant.Client.Grpc.Condition.ConditionOneOfOneofCase.HasId => condition.HasId.HasId.Any(id => StandInIds.Canonical(id) == point.Id),
        global::Qdrant.Client.Grpc.Condition.ConditionOneOfOneofCase.IsEmpty => IsEmpty(point.Payload.GetValueOrDefault(Key(condition.IsEmpty.Key))),
        global::Qdrant.Client.Grpc.Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, point),
        global::Qdrant.Client.Grpc.Condition.ConditionOneOfOneofCase.Field => Field(condition.Field, point.Payload.GetValueOrDefault(Key(condition.Field.Key))),
        _ => throw StandInError.Unsupported("the condition " + condition),
    };

    private static bool Field(FieldCondition condition, QdrantValue? value)
    {
        if (condition.GeoBoundingBox is not null || condition.GeoRadius is not null || condition.GeoPolygon is not null || condition.ValuesCount is not null || condition.HasIsNull)
        {
            throw StandInError.Unsupported("the field condition " + condition);
        }

        if (condition.HasIsEmpty)
        {
            return IsEmpty(value) == condition.IsEmpty;
        }

        var values = value is null ? [] : value.KindCase == QdrantValue.KindOneofCase.ListValue ? [.. value.ListValue.Values] : new List<QdrantValue> { value };
        return (condition.Match, condition.Range, condition.DatetimeRange) switch
        {
            ({ } match, null, null) => values.Any(v => Match(match, v)),
            (null, { } range, null) => values.Any(v => v.KindCase is QdrantValue.KindOneofCase.DoubleValue or QdrantValue.KindOneofCase.IntegerValue && InRange(range, Number(v))),
            (null, null, { } dates) => values.Any(v => v.KindCase == QdrantValue.KindOneofCase.StringValue && TryDate(v.StringValue, out var date) && InRange(dates, date)),
            _ => throw StandInError.Unsupported("a field condition with none or several of match, range and datetime_range"),
        };
    }

    private static bool Match(Match match, QdrantValue value) => match.MatchValueCase switch
    {
        global::Qdrant.Client.Grpc.Match.MatchValueOneofCase.Keyword => value.KindCase == QdrantValue.KindOneofCase.StringValue && value.StringValue == match.Keyword,
        global::Qdrant.Client.Grpc.Match.MatchValueOneofCase.Keywords => value.KindCase == QdrantValue.KindOneofCase.StringValue && match.Keywords.Strings.Contains(value.StringValue),
        global::Qdrant.Client.Grpc.Match.MatchValueOneofCase.Integer => value.KindCase == QdrantValue.KindOneofCase.IntegerValue && value.IntegerValue == match.Integer,
        global::Qdrant.Client.Grpc.Match.MatchValueOneofCase.Boolean => value.KindCase == QdrantValue.KindOneofCase.BoolValue && value.BoolValue == match.Boolean,
        _ => throw StandInError.Unsupported("the match " + match),
    };

    private static bool InRange(global::Qdrant.Client.Grpc.Range range, double value) =>
        (!range.HasGt || value > range.Gt) && (!range.HasGte || value >= range.Gte) && (!range.HasLt || value < range.Lt) && (!range.HasLte || value <= range.Lte);

    private static bool InRange(DatetimeRange range, DateTimeOffset value) =>
        (range.Gt is null || value > range.Gt.ToDateTimeOffset()) && (range.Gte is null || value >= range.Gte.ToDateTimeOffset())
        && (range.Lt is null || value < range.Lt.ToDateTimeOffset()) && (range.Lte is null || value <= range.Lte.ToDateTimeOffset());

    public static double Number(QdrantValue value) => value.KindCase == QdrantValue.KindOneofCase.IntegerValue ? value.IntegerValue : value.DoubleValue;

    public static bool TryDate(string text, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);

    private static bool IsEmpty(QdrantValue? value) =>
        value is null || value.KindCase == QdrantValue.KindOneofCase.NullValue || value.KindCase == QdrantValue.KindOneofCase.ListValue && value.ListValue.Values.Count == 0;

    private static string Key(string key) =>
        key.Contains('.', StringComparison.Ordinal) || key.Contains('[', StringComparison.Ordinal)
            ? throw StandInError.Unsupported("nested payload keys such as " + key)
            : key;

    private static QdrantValue? GetValueOrDefault(this MapField<string, QdrantValue> payload, string key) =>
        payload.TryGetValue(key, out var value) ? value : null;
}
