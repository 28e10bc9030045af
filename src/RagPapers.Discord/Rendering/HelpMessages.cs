using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Rendering;

internal static class HelpMessages
{
    private const string Description =
        "I answer questions from a collection of research papers and cite every claim with a numbered source.\n\n" +
        "**/ask** question: a cited answer. Follow-ups in the same channel or thread keep the context " +
        "(\"and the second one?\", \"which of those uses video?\").\n" +
        "**/search** query: the best-matching papers, with their best passage.\n" +
        "**/paper** id-or-title: one paper in full; a number names a source of the last answer here.\n" +
        "**/similar** paper: papers like a given one.\n" +
        "**/help**: this message.";

    public static DiscordMessage Build() =>
        MessagePacker.Pack(EmbedComposer.Compose(new EmbedCard("RagPapers", Description, [], "Every answer cites papers of the collection.", Color: EmbedColors.Help)))[0];
}
