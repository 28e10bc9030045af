namespace RagPapers.Storage;

/// <summary>Optional restrictions on a search: publication date range (inclusive) and source file name.</summary>
/// <param name="IncludeUndated">
/// Whether a date range also admits the papers whose date the collection does not know; by default a range admits
/// dated papers only.
/// </param>
public sealed record SearchFilter(DateOnly? From = null, DateOnly? To = null, string? Source = null, bool IncludeUndated = false)
{
    public bool IsEmpty => From is null && To is null && string.IsNullOrEmpty(Source);

    public bool HasDateRange => From is not null || To is not null;

    /// <summary>Whether a paper published on <paramref name="published"/> (null: undated) passes the date range.</summary>
    public bool AdmitsDate(DateOnly? published) => published is { } date
        ? (From is null || date >= From) && (To is null || date <= To)
        : !HasDateRange || IncludeUndated;
}
