using Qdrant.Client.Grpc;

namespace RagPapers.Testing.Qdrant;

internal sealed partial class StandInCollection
{
    /// <summary>
    /// Scroll: by id from <c>offset</c> (inclusive) with <c>next_page_offset</c> naming the next id; or, with
    /// <c>order_by</c>, by a payload value that needs a range index (integer, float, datetime), starting from
    /// <c>start_from</c> inclusive, skipping points without the field, and with no offset paging.
    /// </summary>
    public ScrollResponse Scroll(ScrollPoints request)
    {
        if (request.ShardKeySelector is not null)
        {
            throw StandInError.Unsupported("scrolls with a shard key");
        }

        var limit = request.HasLimit ? (int)request.Limit : 10;
        var matching = Points.Values.Where(p => StandInFilter.Matches(request.Filter, p));
        var reply = new ScrollResponse();
        if (request.OrderBy is { } orderBy)
        {
            if (request.Offset is not null)
            {
                throw StandInError.WrongInput("Cannot use an `offset` when using `order_by`. The alternative for paging is to use `order_by.start_from` and a filter to exclude the IDs that you've already seen for the `order_by.start_from` value");
            }

            reply.Result.Add(Ordered(matching, orderBy).Take(limit).Select(p => StandInRecords.Retrieved(p, request.WithPayload, request.WithVectors, payloadByDefault: true)));
            return reply;
        }

        var fromId = request.Offset is { } offset ? StandInIds.Canonical(offset) : null;
        var page = matching.Where(p => fromId is null || StandInIds.CompareForScroll(p.Id, fromId) >= 0).Take(limit + 1).ToList();
        reply.Result.Add(page.Take(limit).Select(p => StandInRecords.Retrieved(p, request.WithPayload, request.WithVectors, payloadByDefault: true)));
        if (page.Count > limit)
        {
            reply.NextPageOffset = StandInIds.Id(page[limit].Id);
        }

        return reply;
    }

    private IEnumerable<StandInPoint> Ordered(IEnumerable<StandInPoint> points, OrderBy orderBy)
    {
        var key = orderBy.Key;
        var descending = orderBy.HasDirection && orderBy.Direction == Direction.Desc;
        if (PayloadIndexes.GetValueOrDefault(key, PayloadSchemaType.UnknownType) is not (PayloadSchemaType.Integer or PayloadSchemaType.Float or PayloadSchemaType.Datetime))
        {
            throw StandInError.WrongInput($"No range index for `order_by` key: `{key}`. Please create one to use `order_by`. Check https://qdrant.tech/documentation/concepts/indexing/#payload-index to see which payload schemas support Range conditions");
        }

        var start = orderBy.StartFrom is { } from ? StartValue(from) : (double?)null;
        var valued = points
            .Select(p => (Point: p, Value: p.Payload.TryGetValue(key, out var v) ? SortValue(v) : null))
            .Where(p => p.Value is not null && (start is null || (descending ? p.Value <= start : p.Value >= start)));
        var sorted = descending ? valued.OrderByDescending(p => p.Value) : valued.OrderBy(p => p.Value);
        return sorted.ThenBy(p => p.Point.Id, StandInIds.ScrollOrder).Select(p => p.Point);
    }

    private static double? SortValue(global::Qdrant.Client.Grpc.Value value) => value.KindCase switch
    {
        global::Qdrant.Client.Grpc.Value.KindOneofCase.StringValue => StandInFilter.TryDate(value.StringValue, out var date) ? date.ToUnixTimeMilliseconds() : null,
        global::Qdrant.Client.Grpc.Value.KindOneofCase.IntegerValue or global::Qdrant.Client.Grpc.Value.KindOneofCase.DoubleValue => StandInFilter.Number(value),
        _ => null,
    };

    private static double StartValue(StartFrom from) => from.ValueCase switch
    {
        StartFrom.ValueOneofCase.Float => from.Float,
        StartFrom.ValueOneofCase.Integer => from.Integer,
        StartFrom.ValueOneofCase.Timestamp => from.Timestamp.ToDateTimeOffset().ToUnixTimeMilliseconds(),
        StartFrom.ValueOneofCase.Datetime => StandInFilter.TryDate(from.Datetime, out var date)
            ? date.ToUnixTimeMilliseconds()
            : throw StandInError.WrongInput($"'{from.Datetime}' is not an RFC 3339 datetime"),
        _ => throw StandInError.Validation("order_by.start_from: a value is required"),
    };
}
