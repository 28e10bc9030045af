namespace RagPapers.Storage;

/// <summary>Optional restrictions on a search: publication date range (inclusive) and source file name.</summary>
public sealed record SearchFilter(DateOnly? From = null, DateOnly? To = null, string? Source = null)
{
    public bool IsEmpty => From is null && To is null && string.IsNullOrEmpty(Source);
}
