using System.Globalization;
using System.Text.RegularExpressions;

namespace RagPapers.Papers;

/// <summary>What one line of a Hugging Face daily-papers dump is: page chrome, paper metadata, or text.</summary>
internal static partial class DailyPapersLine
{
    /// <summary>Lines the page prints around the papers; never part of a title or abstract.</summary>
    public static readonly IReadOnlyList<string> Chrome =
    [
        "Get trending papers in your email inbox once a day!",
        "Get trending papers in your email inbox!",
        "byAK and the research community",
        "Daily Papers",
        "Subscribe",
        "new",
    ];

    // Longest titles seen are ~160 characters and the shortest abstracts ~475; 300 splits them with room on both sides.
    private const int AbstractLength = 300;

    // A shorter line still reads as an abstract when it is a sentence of this many words ending in a period.
    private const int AbstractMinWords = 8;

    /// <summary>Chrome only a daily-papers page prints, enough on its own to recognize the format.</summary>
    public static bool IsPageMarker(string line) =>
        line.StartsWith("Get trending papers in your email inbox", StringComparison.OrdinalIgnoreCase)
        || line.Equals("byAK and the research community", StringComparison.OrdinalIgnoreCase);

    public static bool IsChrome(string line) => Chrome.Contains(line, StringComparer.OrdinalIgnoreCase);

    /// <summary>The "  • 7 authors" and "·" lines under a paper, and bare vote counts.</summary>
    public static bool IsMetadata(string line) => line == "·" || AuthorCount().IsMatch(line) || Count().IsMatch(line);

    /// <summary>
    /// Whether the line is a date ("Aug 12, 2023", "Apr 2 2" with a vote count after it). Only a date with a year
    /// gives <paramref name="published"/>: a bare "Mar 17" is the page's own date, not the paper's.
    /// </summary>
    public static bool IsDate(string line, out DateOnly? published)
    {
        published = null;
        var match = Date().Match(line);
        if (!match.Success)
        {
            return false;
        }

        if (match.Groups["year"].Success)
        {
            var month = DateTime.ParseExact(match.Groups["month"].Value, "MMM", CultureInfo.InvariantCulture).Month;
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
            published = day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        }

        return true;
    }

    /// <summary>Removes chrome the page glued to the front of a title without a space: "SubscribeProvably Mitigating …".</summary>
    public static string StripGluedChrome(string line)
    {
        foreach (var chrome in Chrome)
        {
            // "new" is too common a word start ("newer", "NewsQA") to strip safely.
            if (chrome.Length > 3 && line.Length > chrome.Length && line.StartsWith(chrome, StringComparison.Ordinal)
                && (char.IsUpper(line[chrome.Length]) || char.IsDigit(line[chrome.Length])))
            {
                return line[chrome.Length..].TrimStart();
            }
        }

        return line;
    }

    /// <summary>Abstracts are long lines, or shorter ones that read as a sentence; titles are neither.</summary>
    public static bool IsAbstractLike(string line) =>
        line.Length >= AbstractLength || (line.EndsWith('.') && line.Count(c => c == ' ') >= AbstractMinWords - 1);

    [GeneratedRegex(@"^•\s*\d+\s+authors?$")]
    private static partial Regex AuthorCount();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Count();

    [GeneratedRegex(@"^(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?<day>\d{1,2})(?:, (?<year>\d{4}))?(?: \d+)?$")]
    private static partial Regex Date();
}
