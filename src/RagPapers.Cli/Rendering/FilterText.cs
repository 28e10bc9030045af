using System.Globalization;
using RagPapers.Storage;

namespace RagPapers.Cli.Rendering;

/// <summary>A search filter in words, and the notice of the undated papers a date range left out.</summary>
internal static class FilterText
{
    public static string Describe(SearchFilter filter)
    {
        var parts = new List<string>();
        if (filter.From is { } from)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"from {from:yyyy-MM-dd}"));
        }

        if (filter.To is { } to)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"to {to:yyyy-MM-dd}"));
        }

        if (!string.IsNullOrEmpty(filter.Source))
        {
            parts.Add($"in {filter.Source}");
        }

        return string.Join(' ', parts);
    }

    public static string UndatedLeftOut(int count) => count == 1
        ? "(1 undated paper was left out by the date range; add --include-undated to search it too)"
        : string.Create(CultureInfo.InvariantCulture, $"({count} undated papers were left out by the date range; add --include-undated to search them too)");
}
