using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>A <see cref="SearchFilter"/> as a condition on the papers table (aliased <c>p</c>) and its parameters.</summary>
internal static class SearchFilterSql
{
    // A date range admits the undated papers only when asked to (IncludeUndated); no range admits every paper.
    public const string Condition = """
        (($from IS NULL OR p.published >= $from) AND ($to IS NULL OR p.published <= $to) OR ($undated AND p.published IS NULL))
          AND ($source IS NULL OR p.source = $source)
        """;

    /// <summary>Sets the parameters of <see cref="Condition"/> on a command that holds it.</summary>
    public static SqliteCommand SetFilter(this SqliteCommand command, SearchFilter filter) => command
        .Set("$from", PaperRows.FormatDate(filter.From))
        .Set("$to", PaperRows.FormatDate(filter.To))
        .Set("$undated", filter.IncludeUndated)
        .Set("$source", string.IsNullOrEmpty(filter.Source) ? null : filter.Source);
}
