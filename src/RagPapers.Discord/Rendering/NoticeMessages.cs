using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Rendering;

/// <summary>Short, friendly replies for everything that is not an answer: a user never meets silence or a stack trace.</summary>
internal static class NoticeMessages
{
    public static IReadOnlyList<DiscordMessage> Failed { get; } =
        MessagePacker.Text("Sorry, something went wrong while I was working on that. Please try again in a moment.");

    public static IReadOnlyList<DiscordMessage> Cancelled { get; } =
        MessagePacker.Text("I had to stop before finishing (the bot is restarting or the request took too long). Please ask again.");

    public static DiscordMessage Busy { get; } =
        new("I am answering many questions right now; please try again in a minute.", Flags: DiscordMessage.EphemeralFlag);

    public static IReadOnlyList<DiscordMessage> Text(string text) => MessagePacker.Text(text);

    /// <summary>Shown only to the user who ran the command, at once, for a command I cannot run as given.</summary>
    public static DiscordMessage Ephemeral(string text) =>
        new(TextFitter.Truncate(text, DiscordLimits.Content), Flags: DiscordMessage.EphemeralFlag);
}
