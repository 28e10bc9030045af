using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// A <see cref="SearchFilter"/> as a condition on the papers table (aliased <c>p</c>) and its parameters, written for
/// the filter's shape so SQLite can find the admitted papers through <c>papers_published</c> and <c>papers_source</c>
/// instead of reading every paper.
/// </summary>
internal static class SearchFilterSql
{
    /// <summary>The condition of a filter that is not empty. A date range admits undated papers only when asked to (IncludeUndated).</summary>
    public static string Condition(SearchFilter filter)
    {
        var parts = new List<string>(2);
        if (filter.HasDateRange)
        {
            var range = (filter.From, filter.To) switch
            {
                (not null, not null) => "p.published >= $from AND p.published <= $to",
                (not null, null) => "p.published >= $from",
                _ => "p.published <= $to",
            };
            parts.Add(filter.IncludeUndated ? $"({range} OR p.published IS NULL)" : range);
        }

        if (!string.IsNullOrEmpty(filter.Source))
        {
            parts.Add("p.source = $source");
        }

        return parts.Count == 0 ? "1" : string.Join(" AND ", parts);
    }

    /// <summary>The ids of the chunks of the papers the filter admits.</summary>
    public static string AdmittedChunksSql(SearchFilter filter) => $"SELECT k.id FROM papers p JOIN chunks k ON k.paper_id = p.id WHERE {Condition(filter)}";

    /// <summary>How many papers the filter admits, counted up to <c>$cap</c>: a filter that admits more is not worth listing.</summary>
    public static string AdmittedPapersUpToSql(SearchFilter filter) => $"SELECT count(*) FROM (SELECT 1 FROM papers p WHERE {Condition(filter)} LIMIT $cap)";

    /// <summary>Sets the parameters <see cref="Condition"/> used for this filter on a command that holds it.</summary>
    public static SqliteCommand SetFilter(this SqliteCommand command, SearchFilter filter)
    {
        if (filter.From is { } from)
        {
            command.Set("$from", PaperRows.FormatDate(from));
        }

        if (filter.To is { } to)
        {
            command.Set("$to", PaperRows.FormatDate(to));
        }

        if (!string.IsNullOrEmpty(filter.Source))
        {
            command.Set("$source", filter.Source);
        }

        return command;
    }
}
