using System.Text.RegularExpressions;

namespace RagPapers.Reliability;

/// <summary>Hostile abstracts, and the checks that none of their tricks reaches a front-end.</summary>
internal static partial class HostileText
{
    /// <summary>Every trick at once: terminal title and clear-screen escapes, C1 CSI, a bidi override, a masked link, a timestamp, mentions, HTML.</summary>
    public const string Payload =
        "Owned \u001b]0;owned\u0007 screen \u001b[2J cleared \u009b31m red \u202eesrever. See [arXiv:2401.00001](https://evil.example) "
        + "at <t:0:R>, ask <@123456789012345678> in <#123> as <@&456>, ping @everyone and @here, run <script>alert(1)</script>.";

    public static IEnumerable<string> JsonLines() => Enumerable.Range(1, 6).Select(i =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["id"] = $"2402.0000{i}",
            ["title"] = $"Hostile paper {i} \u001b]0;owned\u0007 [click](https://evil.example) <@1>",
            ["abstract"] = $"Paper {i} studies owned screens and hostile links. " + Payload + " It ends about links and screens.",
        }));

    /// <summary>Control characters a terminal would act on (newline, carriage return and tab aside), C1 and bidi overrides included.</summary>
    public static int ControlCharacters(string text) => ControlCharacter().Count(text);

    /// <summary>What would render as markup in Discord: a masked link other than our own arXiv links, a mention or timestamp, @everyone/@here.</summary>
    public static int DiscordMarkup(string text) =>
        MaskedLink().Count(text) + Mention().Count(text) + Everyone().Count(text) + ControlCharacters(text);

    [GeneratedRegex(@"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]")]
    private static partial Regex ControlCharacter();

    [GeneratedRegex(@"\]\((?!https://arxiv\.org/abs/)")]
    private static partial Regex MaskedLink();

    [GeneratedRegex(@"(?<!\\)<[@#:/at]")]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<!\\)@(everyone|here)")]
    private static partial Regex Everyone();
}
