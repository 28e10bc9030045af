using System.CommandLine;
using System.Globalization;
using RagPapers.Storage;

namespace RagPapers.Cli;

/// <summary>The search filters shared by ask and search.</summary>
internal static class FilterOptions
{
    public static readonly Option<DateOnly?> From = OptionParsers.Date("--from", "Only papers published on or after this date (yyyy-MM-dd); undated papers are left out unless --include-undated.");

    public static readonly Option<DateOnly?> To = OptionParsers.Date("--to", "Only papers published on or before this date (yyyy-MM-dd); undated papers are left out unless --include-undated.");

    public static readonly Option<string?> Source = OptionParsers.Text("--source", "Only papers read from this collection file (file name).", "FILE", "a collection file name such as 000_709504441228b74f.txt");

    public static readonly Option<bool> IncludeUndated = new("--include-undated")
    {
        Description = "With --from or --to, also search the papers whose date the collection does not know.",
    };

    public static IEnumerable<Option> All => [From, To, Source, IncludeUndated];

    public static SearchFilter? Read(ParseResult parse)
    {
        var filter = new SearchFilter(parse.GetValue(From), parse.GetValue(To), parse.GetValue(Source), parse.GetValue(IncludeUndated));
        return filter.IsEmpty ? null : filter;
    }

    /// <summary>The usage error of a range that ends before it starts, or null.</summary>
    public static string? RangeError(ParseResult parse) =>
        parse.GetValue(From) is { } from && parse.GetValue(To) is { } to && from > to
            ? string.Create(CultureInfo.InvariantCulture, $"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}; no date can be in that range.")
            : null;
}
