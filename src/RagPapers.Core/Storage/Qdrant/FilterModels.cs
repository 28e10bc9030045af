namespace RagPapers.Storage.Qdrant;

/// <summary>A Qdrant filter: every <c>must</c>, at least one <c>should</c>, no <c>must_not</c>.</summary>
internal sealed record Filter(
    IReadOnlyList<Condition>? Must = null,
    IReadOnlyList<Condition>? Should = null,
    IReadOnlyList<Condition>? MustNot = null);

/// <summary>
/// One condition. Only the members of one shape are set, and nulls are not written, so it serializes as a field
/// condition (<c>key</c> + <c>match</c>/<c>range</c>), an <c>is_empty</c>, a <c>has_id</c> or a nested filter
/// (<c>must</c> or <c>should</c>).
/// </summary>
internal sealed record Condition(
    string? Key = null,
    MatchCondition? Match = null,
    RangeCondition? Range = null,
    PayloadField? IsEmpty = null,
    IReadOnlyList<string>? HasId = null,
    IReadOnlyList<Condition>? Must = null,
    IReadOnlyList<Condition>? Should = null)
{
    public static Condition Equal(string key, string value) => new(key, new MatchCondition(value));

    public static Condition Equal(string key, int value) => new(key, new MatchCondition(value));

    public static Condition AnyOf(string key, IReadOnlyList<string> values) => new(key, new MatchCondition(Any: values));
}

/// <summary><c>{"value": v}</c> (a string or an integer) or <c>{"any": [...]}</c>.</summary>
internal sealed record MatchCondition(object? Value = null, IReadOnlyList<string>? Any = null);

/// <summary>Bounds are RFC 3339 strings on a datetime field or integers on an integer field.</summary>
internal sealed record RangeCondition(object? Gt = null, object? Gte = null, object? Lt = null, object? Lte = null);

internal sealed record PayloadField(string Key);
