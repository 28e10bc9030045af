using RagPapers.Answering.Assistant;
using RagPapers.Discord.Conversations;
using RagPapers.Discord.Rendering;
using RagPapers.Discord.Rest;
using RagPapers.Ingestion;
using RagPapers.Retrieval;

namespace RagPapers.Discord.Commands;

/// <summary>Runs a slash command on the core and renders the result; the Discord adapter of PaperAssistant.</summary>
internal sealed class DiscordCommandHandler(
    PaperLibrary library,
    PaperAssistant assistant,
    IPaperRetriever retriever,
    PaperReferenceResolver references,
    ChannelConversations conversations)
{
    public async Task<IReadOnlyList<DiscordMessage>> HandleAsync(PendingCommand pending, CancellationToken cancellationToken = default)
    {
        await library.OpenAsync(cancellationToken);
        var command = pending.Command;
        var channel = pending.ConversationKey;
        return command.Name switch
        {
            SlashCommands.Ask => await AskAsync(channel, command.GetString(SlashCommands.QuestionOption) ?? "", cancellationToken),
            SlashCommands.Search => await SearchAsync(command, cancellationToken),
            SlashCommands.Paper => await PaperAsync(channel, command.GetString(SlashCommands.IdOrTitleOption) ?? "", cancellationToken),
            SlashCommands.Similar => await SimilarAsync(channel, command.GetString(SlashCommands.PaperOption) ?? "", cancellationToken),
            SlashCommands.Help => [HelpMessages.Build()],
            _ => NoticeMessages.Text($"I do not know the command /{command.Name}; /help lists mine."),
        };
    }

    private async Task<IReadOnlyList<DiscordMessage>> AskAsync(string channel, string question, CancellationToken cancellationToken)
    {
        if (question.Length == 0)
        {
            return NoticeMessages.Text("Ask a question, e.g. /ask question: how do masked autoencoders help medical imaging?");
        }

        var answer = await conversations.UseAsync(channel, c => assistant.AskAsync(question, c, cancellationToken: cancellationToken), cancellationToken);
        return AnswerMessages.Build(question, answer);
    }

    private async Task<IReadOnlyList<DiscordMessage>> SearchAsync(SlashCommandInvocation command, CancellationToken cancellationToken)
    {
        var query = command.GetString(SlashCommands.QueryOption) ?? "";
        var top = Math.Clamp(command.GetInt32(SlashCommands.TopOption) ?? SlashCommands.DefaultTop, 1, SlashCommands.MaxTop);
        var result = await retriever.RetrieveAsync(new RetrievalRequest(query, top), cancellationToken);
        if (result.Papers.Count == 0)
        {
            return NoticeMessages.Text($"No papers match \u201c{DiscordMarkdown.Escape(query)}\u201d.");
        }

        var description = (AnswerMessages.SearchedForLine(result.SearchedFor)
            + (result.HasRelevantEvidence ? "" : "Weak matches only: nothing in the collection looks relevant.")).TrimEnd();
        return PaperListMessages.Build($"Search: {DiscordMarkdown.Escape(query)}", result.Papers, description, "/paper id-or-title shows a paper in full");
    }

    private async Task<IReadOnlyList<DiscordMessage>> PaperAsync(string channel, string reference, CancellationToken cancellationToken)
    {
        var paper = await conversations.UseAsync(channel, c => references.FindAsync(reference, c.Last?.Answer, cancellationToken), cancellationToken);
        return paper is null ? NotFound(reference) : PaperMessages.Build(paper);
    }

    private async Task<IReadOnlyList<DiscordMessage>> SimilarAsync(string channel, string reference, CancellationToken cancellationToken)
    {
        var paper = await conversations.UseAsync(channel, c => references.FindAsync(reference, c.Last?.Answer, cancellationToken), cancellationToken);
        if (paper is null)
        {
            return NotFound(reference);
        }

        var similar = await assistant.SimilarAsync(paper.Id, SlashCommands.DefaultTop, cancellationToken);
        return similar.Count == 0
            ? NoticeMessages.Text($"I found no papers like \u201c{DiscordMarkdown.Escape(paper.Title)}\u201d.")
            : PaperListMessages.Build($"Papers like: {DiscordMarkdown.Escape(paper.Title)}", similar, "", "/paper id-or-title shows a paper in full");
    }

    private static IReadOnlyList<DiscordMessage> NotFound(string reference) =>
        NoticeMessages.Text($"I found no paper matching \u201c{DiscordMarkdown.Escape(reference)}\u201d. Try /search with a few words of its title.");
}
