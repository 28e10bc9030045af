using System.CommandLine;
using RagPapers.Storage;

namespace RagPapers.Cli;

/// <summary>The search filters shared by ask and search.</summary>
internal static class FilterOptions
{
    public static readonly Option<DateOnly?> From = new("--from") { Description = "Only papers published on or after this date (yyyy-MM-dd).", HelpName = "DATE" };

    public static readonly Option<DateOnly?> To = new("--to") { Description = "Only papers published on or before this date (yyyy-MM-dd).", HelpName = "DATE" };

    public static readonly Option<string?> Source = new("--source") { Description = "Only papers read from this collection file (file name).", HelpName = "FILE" };

    public static SearchFilter? Read(ParseResult parse)
    {
        var filter = new SearchFilter(parse.GetValue(From), parse.GetValue(To), parse.GetValue(Source));
        return filter.IsEmpty ? null : filter;
    }
}
