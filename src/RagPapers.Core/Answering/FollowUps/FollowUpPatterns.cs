using System.Text.RegularExpressions;

namespace RagPapers.Answering.FollowUps;

/// <summary>The phrases by which a follow-up points back at the previous answer.</summary>
internal static partial class FollowUpPatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Dictionary<string, int> OrdinalValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5,
        ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10,
        ["1st"] = 1, ["2nd"] = 2, ["3rd"] = 3, ["4th"] = 4, ["5th"] = 5, ["6th"] = 6, ["7th"] = 7, ["8th"] = 8, ["9th"] = 9, ["10th"] = 10,
    };

    /// <summary>The source number an ordinal names; "last" is <paramref name="count"/>.</summary>
    public static int OrdinalValue(string ordinal, int count) =>
        ordinal.Equals("last", StringComparison.OrdinalIgnoreCase) ? count : OrdinalValues[ordinal];

    /// <summary>"[2]".</summary>
    [GeneratedRegex(@"\[(?<n>\d{1,2})\]", Options)]
    public static partial Regex Bracket();

    /// <summary>"source 3", "paper #2", "the reference no. 1", "#2".</summary>
    [GeneratedRegex(@"\b(?:the\s+)?(?:source|paper|reference|ref|citation|result|article|study)\s*(?:#|no\.\s*|number\s+)?(?<n>\d{1,2})\b|(?<!\w)#(?<n>\d{1,2})\b", Options)]
    public static partial Regex Numbered();

    /// <summary>"the second one", "2nd paper", "the last one"; a bare ordinal only as "the second" closing a clause, so "the first step" is not a reference.</summary>
    [GeneratedRegex(
        @"\b(?:the\s+)?(?<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|1st|2nd|3rd|[4-9]th|10th)\s+(?:one|paper|source|result|article|reference|citation|study|item)\b" +
        @"|\bthe\s+(?<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|1st|2nd|3rd|[4-9]th|10th)\b(?=\s*(?:[?!.,;:]|$))",
        Options)]
    public static partial Regex Ordinal();

    /// <summary>"that paper", "this one", "the same paper".</summary>
    [GeneratedRegex(@"\b(?:that|this|the\s+same)\s+(?:paper|one|article|study|source|work)\b", Options)]
    public static partial Regex Demonstrative();

    /// <summary>"it", trusted only in short questions ("how does it work?").</summary>
    [GeneratedRegex(@"\bit\b", Options)]
    public static partial Regex Pronoun();

    /// <summary>"of those", "among them", "in these papers", "those papers".</summary>
    [GeneratedRegex(
        @"\b(?:of|among|amongst|from|between|in)\s+(?:those|these|them|the\s+above)(?:\s+(?:papers|ones|sources|results|articles|studies))?\b" +
        @"|\b(?:those|these)\s+(?:papers|ones|sources|results|articles|studies)\b",
        Options)]
    public static partial Regex Collection();

    /// <summary>"they", "them", trusted only in short questions ("do they use video?").</summary>
    [GeneratedRegex(@"\b(?:they|them)\b", Options)]
    public static partial Regex CollectivePronoun();

    /// <summary>Openers of an elliptic follow-up: "and for video?", "what about speech?".</summary>
    [GeneratedRegex(@"^\s*(?:and|or|also|but|so|now|then|what\s+about|how\s+about|same\s+for|for|in|on|with|regarding)\b", Options)]
    public static partial Regex EllipticOpener();

    /// <summary>An arXiv id ("2106.07447", "2106.07447v2", "cs/0112017"): the question names its paper itself.</summary>
    [GeneratedRegex(@"\b(?:\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})\b", Options)]
    public static partial Regex ArxivId();

    [GeneratedRegex(@"\s+")]
    public static partial Regex Whitespace();

    [GeneratedRegex(@"\s+(?=[?!.,;:])")]
    public static partial Regex SpaceBeforePunctuation();
}
