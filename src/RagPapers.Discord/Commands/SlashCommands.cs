using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Commands;

/// <summary>The bot's commands: what `ragpapers discord register` sends and what the endpoint accepts.</summary>
internal static class SlashCommands
{
    public const string Ask = "ask";
    public const string Search = "search";
    public const string Paper = "paper";
    public const string Similar = "similar";
    public const string Help = "help";

    public const string QuestionOption = "question";
    public const string QueryOption = "query";
    public const string TopOption = "top";
    public const string IdOrTitleOption = "id-or-title";
    public const string PaperOption = "paper";

    public const int DefaultTop = 5;
    public const int MaxTop = 10;

    public static IReadOnlyList<ApplicationCommand> Definitions { get; } =
    [
        new(Ask, "Ask the paper collection; the answer cites its sources", [Text(QuestionOption, "Your question (follow-ups in this channel keep the context)", 500)]),
        new(Search, "Rank the papers that match a query", [
            Text(QueryOption, "What to look for", 300),
            new(ApplicationCommandOption.IntegerType, TopOption, $"How many papers to show (1-{MaxTop}, default {DefaultTop})", MinValue: 1, MaxValue: MaxTop)]),
        new(Paper, "Show one paper: abstract, authors, date, link", [Text(IdOrTitleOption, "A paper id, a title, or a source number of the last answer here", 300)]),
        new(Similar, "Papers like a given one", [Text(PaperOption, "A paper id, a title, or a source number of the last answer here", 300)]),
        new(Help, "What the bot can do", []),
    ];

    /// <summary>The first required option a command arrived without, or null when it can run.</summary>
    public static string? MissingOption(SlashCommandInvocation command) =>
        Definitions.FirstOrDefault(d => d.Name == command.Name)?.Options
            .Where(o => o.Required == true)
            .Select(o => o.Name)
            .FirstOrDefault(name => string.IsNullOrWhiteSpace(command.GetString(name)));

    public static bool IsKnown(string name) => Definitions.Any(d => d.Name == name);

    private static ApplicationCommandOption Text(string name, string description, int maxLength) =>
        new(ApplicationCommandOption.StringType, name, description, Required: true, MaxLength: maxLength);
}
