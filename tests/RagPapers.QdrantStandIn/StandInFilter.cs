using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RagPapers.Testing.Qdrant;

/// <summary>
/// Qdrant's filter semantics for the conditions RagPapers uses: must / should / must_not (one condition or an
/// array), field conditions with match value/any and range (numbers, or RFC 3339 datetimes), is_empty, has_id and
/// nested filters. A value that is an array matches when any element does; a missing field fails match and range.
/// Anything else is refused as unsupported rather than guessed.
/// </summary>
internal static class StandInFilter
{
    public static bool Matches(JsonNode? filter, StandInPoint point)
    {
        if (filter is null)
        {
            return true;
        }

        var obj = filter.AsObject();
        if (obj.ContainsKey("min_should"))
        {
            throw StandInError.Unsupported("min_should");
        }

        var should = Conditions(obj["should"]).ToList();
        return Conditions(obj["must"]).All(c => Condition(c, point))
            && (should.Count == 0 || should.Any(c => Condition(c, point)))
            && !Conditions(obj["must_not"]).Any(c => Condition(c, point));
    }

    private static IEnumerable<JsonObject> Conditions(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(c => c!.AsObject()),
        _ => [node.AsObject()],
    };

    private static bool Condition(JsonObject condition, StandInPoint point)
    {
        if (condition["has_id"] is JsonArray ids)
        {
            return ids.Any(id => StandInIds.Canonical(id!) == point.Id);
        }

        if (condition["is_empty"] is JsonObject emptyField)
        {
            return IsEmpty(point.Payload[Key(emptyField)]);
        }

        if (condition.ContainsKey("key"))
        {
            return Field(condition, point.Payload[Key(condition)]);
        }

        if (condition.ContainsKey("must") || condition.ContainsKey("should") || condition.ContainsKey("must_not"))
        {
            return Matches(condition, point);
        }

        throw StandInError.Unsupported("the condition " + condition.ToJsonString());
    }

    private static bool Field(JsonObject condition, JsonNode? value)
    {
        foreach (var (name, _) in condition)
        {
            if (name is not ("key" or "match" or "range" or "is_empty"))
            {
                throw StandInError.Unsupported($"the field condition '{name}'");
            }
        }

        if (condition["is_empty"] is JsonValue isEmpty)
        {
            return IsEmpty(value) == isEmpty.GetValue<bool>();
        }

        var values = value switch
        {
            null => [],
            JsonArray array => array.Where(v => v is not null).Select(v => v!).ToList(),
            _ => [value],
        };
        if (condition["match"] is JsonObject match)
        {
            return values.Any(v => Match(match, v));
        }

        return condition["range"] is JsonObject range
            ? values.Any(v => InRange(range, v))
            : throw StandInError.Unsupported("a field condition without match or range");
    }

    private static bool Match(JsonObject match, JsonNode value)
    {
        if (match.TryGetPropertyValue("value", out var expected))
        {
            return SameValue(expected!, value);
        }

        return match["any"] is JsonArray any
            ? any.Any(e => SameValue(e!, value))
            : throw StandInError.Unsupported("the match " + match.ToJsonString());
    }

    private static bool SameValue(JsonNode expected, JsonNode actual) =>
        expected.GetValueKind() == actual.GetValueKind() && expected.GetValueKind() switch
        {
            JsonValueKind.String => expected.GetValue<string>() == actual.GetValue<string>(),
            JsonValueKind.Number => expected.GetValue<double>() == actual.GetValue<double>(),
            _ => JsonNode.DeepEquals(expected, actual),
        };

    private static bool InRange(JsonObject range, JsonNode value)
    {
        foreach (var (op, bound) in range)
        {
            if (bound is null)
            {
                continue;
            }

            var compared = Compare(value, bound);
            var ok = compared is { } c && op switch
            {
                "gt" => c > 0,
                "gte" => c >= 0,
                "lt" => c < 0,
                "lte" => c <= 0,
                _ => throw StandInError.Unsupported("the range operator " + op),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>value compared with bound, or null when they are not comparable (e.g. a number against a date).</summary>
    private static int? Compare(JsonNode value, JsonNode bound)
    {
        if (bound.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValueKind() == JsonValueKind.String && TryDate(value.GetValue<string>(), out var v)
                ? v.CompareTo(ParseDate(bound.GetValue<string>()))
                : null;
        }

        return value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>().CompareTo(bound.GetValue<double>()) : null;
    }

    public static DateTimeOffset ParseDate(string text) =>
        TryDate(text, out var date) ? date : throw StandInError.BadRequest($"'{text}' is not an RFC 3339 datetime");

    public static bool TryDate(string text, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);

    private static bool IsEmpty(JsonNode? value) => value is null || value is JsonArray { Count: 0 };

    private static string Key(JsonObject condition)
    {
        var key = condition["key"]!.GetValue<string>();
        return key.Contains('.', StringComparison.Ordinal) || key.Contains('[', StringComparison.Ordinal)
            ? throw StandInError.Unsupported("nested payload keys such as " + key)
            : key;
    }
}
