using Microsoft.Extensions.Logging;
using RagPapers.Discord.Background;
using RagPapers.Discord.Commands;
using RagPapers.Discord.Rendering;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Gateway;

/// <summary>
/// MESSAGE_CREATE: a message typed by a person that mentions the bot, or any such message in a DM, is an /ask
/// (a /help when it asks nothing), answered by the worker as replies to it. The channel (or thread) keeps one
/// conversation, shared with /ask there, so "and the second one?" follows up. Everything else is ignored.
/// </summary>
internal sealed class MentionHandler(
    GatewaySession session,
    InteractionQueue queue,
    InteractionDelivery delivery,
    DiscordRestClient rest,
    TimeProvider time,
    ILogger<MentionHandler> logger)
{
    public async Task HandleAsync(GatewayMessage message, CancellationToken stoppingToken)
    {
        if (session.User is not { } me || !IsForBot(message, me.Id))
        {
            return;
        }

        var question = MentionText.Question(message.Content, me.Id);
        var command = new MentionCommand(message.Id, message.ChannelId, question.Length == 0 ? SlashCommandInvocation.Help : SlashCommandInvocation.Ask(question), time.GetUtcNow());

        // Typing first: started after the reply, the indicator would linger under the answer for 10 seconds.
        await ShowTypingAsync(message.ChannelId, stoppingToken);
        if (!queue.TryEnqueue(command))
        {
            Log.MentionBusy(logger, message.Id, message.ChannelId);
            await delivery.DeliverAsync(command, [NoticeMessages.Busy], stoppingToken);
            return;
        }

        Log.MentionQueued(logger, message.Id, message.ChannelId, command.Command.Name);
    }

    public static bool IsForBot(GatewayMessage message, string botId) =>
        message.IsTypedByAPerson
        && message.Author.Id != botId
        && (message.IsDirect || message.Mentions?.Any(u => u.Id == botId) == true);

    private async Task ShowTypingAsync(string channelId, CancellationToken stoppingToken)
    {
        try
        {
            await rest.TriggerTypingAsync(channelId, stoppingToken);
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException || (ex is TaskCanceledException && !stoppingToken.IsCancellationRequested))
        {
            Log.TypingFailed(logger, channelId, ex.Message); // cosmetic: the answer still comes
        }
    }
}
