using System.ComponentModel;

namespace RagPapers.Server.Contracts;

/// <summary>Optional restrictions on the evidence of an answer.</summary>
public sealed record AskFilters(
    [property: Description("Earliest publication date, inclusive (yyyy-MM-dd).")] DateOnly? From = null,
    [property: Description("Latest publication date, inclusive (yyyy-MM-dd).")] DateOnly? To = null,
    [property: Description("Only papers read from this collection file name.")] string? Source = null,
    [property: Description("With from or to, also admit the papers whose date the collection does not know (default false: a date range leaves them out).")] bool? IncludeUndated = null);
