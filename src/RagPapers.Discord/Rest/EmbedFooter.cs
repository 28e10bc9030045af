namespace RagPapers.Discord.Rest;

internal sealed record EmbedFooter(string Text);
