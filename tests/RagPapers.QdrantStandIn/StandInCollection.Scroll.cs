using System.Text.Json;
using System.Text.Json.Nodes;

namespace RagPapers.Testing.Qdrant;

internal sealed partial class StandInCollection
{
    private static readonly string[] ScrollFields = ["filter", "limit", "offset", "with_payload", "with_vector", "order_by"];

    /// <summary>
    /// Scroll: by id from <c>offset</c> (inclusive) with <c>next_page_offset</c> naming the next id; or, with
    /// <c>order_by</c>, by a payload value that needs a range index (integer, float, datetime), starting from
    /// <c>start_from</c> inclusive, skipping points without the field, and with no offset paging.
    /// </summary>
    public JsonObject Scroll(JsonObject body)
    {
        Only(body, ScrollFields, "scroll request");
        var limit = body["limit"]?.GetValue<int>() ?? 10;
        var matching = Points.Values.Where(p => StandInFilter.Matches(body["filter"], p));
        if (body["order_by"] is { } orderBy)
        {
            if (body["offset"] is not null)
            {
                throw StandInError.BadRequest("Cannot use an `offset` when using `order_by`. The alternative for paging is to use `order_by.start_from` and a filter to exclude the IDs that you've already seen for the `order_by.start_from` value");
            }

            return Page(Ordered(matching, orderBy).Take(limit), body, next: null);
        }

        var fromId = body["offset"] is { } offset ? StandInIds.Canonical(offset) : null;
        var page = matching.Where(p => fromId is null || StandInIds.CompareForScroll(p.Id, fromId) >= 0).Take(limit + 1).ToList();
        var next = page.Count > limit ? StandInIds.Node(page[limit].Id) : null;
        return Page(page.Take(limit), body, next);
    }

    private IEnumerable<StandInPoint> Ordered(IEnumerable<StandInPoint> points, JsonNode orderBy)
    {
        var key = orderBy is JsonValue name ? name.GetValue<string>() : orderBy["key"]!.GetValue<string>();
        var descending = orderBy["direction"]?.GetValue<string>() == "desc";
        if (PayloadIndexes.GetValueOrDefault(key) is not ("integer" or "float" or "datetime"))
        {
            throw StandInError.BadRequest($"No range index for `order_by` key: `{key}`. Please create one to use `order_by`. Check https://qdrant.tech/documentation/concepts/indexing/#payload-index to see which payload schemas support Range conditions");
        }

        var start = orderBy["start_from"] is { } from ? SortValue(from) : (double?)null;
        var valued = points
            .Select(p => (Point: p, Value: p.Payload[key] is { } v && v.GetValueKind() is JsonValueKind.Number or JsonValueKind.String ? SortValue(v) : (double?)null))
            .Where(p => p.Value is not null && (start is null || (descending ? p.Value <= start : p.Value >= start)));
        var sorted = descending ? valued.OrderByDescending(p => p.Value) : valued.OrderBy(p => p.Value);
        return sorted.ThenBy(p => p.Point.Id, Comparer<string>.Create(StandInIds.CompareForScroll)).Select(p => p.Point);
    }

    private static double SortValue(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String
            ? StandInFilter.ParseDate(value.GetValue<string>()).ToUnixTimeMilliseconds()
            : value.GetValue<double>();

    private static JsonObject Page(IEnumerable<StandInPoint> points, JsonObject body, JsonNode? next) =>
        new()
        {
            ["points"] = new JsonArray([.. points.Select(p => (JsonNode)StandInRecords.Record(p, body["with_payload"], body["with_vector"], payloadByDefault: true))]),
            ["next_page_offset"] = next,
        };
}
