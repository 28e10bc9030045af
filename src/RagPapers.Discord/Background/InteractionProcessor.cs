using Microsoft.Extensions.Logging;
using RagPapers.Discord.Commands;
using RagPapers.Discord.Rendering;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Background;

/// <summary>
/// Answers one deferred command: runs it (cut short when the token would expire), turns a failure into a short
/// friendly message, and delivers the result. Never throws, except to stop when the host stops.
/// </summary>
internal sealed class InteractionProcessor(
    DiscordCommandHandler handler,
    InteractionDelivery delivery,
    TimeProvider time,
    ILogger<InteractionProcessor> logger)
{
    // When the host stops mid-answer, this long is still spent telling the user to ask again.
    private static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(5);

    public async Task ProcessAsync(DeferredInteraction interaction, CancellationToken stoppingToken)
    {
        var remaining = interaction.UsableUntil - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            Log.TokenExpired(logger, interaction.InteractionId, 1);
            return;
        }

        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(remaining, time);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        var reply = await RunAsync(interaction, work.Token, stoppingToken);
        if (reply is null)
        {
            return;
        }

        if (stoppingToken.IsCancellationRequested)
        {
            using var goodbye = new CancellationTokenSource(GoodbyeTimeout, time);
            await delivery.DeliverAsync(interaction, reply, goodbye.Token);
            return;
        }

        var delivered = await delivery.DeliverAsync(interaction, reply, stoppingToken);
        Log.Answered(logger, interaction.InteractionId, interaction.Command.Name, reply.Count, delivered, time.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The reply to send; null when there is no one left to send it to (the token expired).</summary>
    private async Task<IReadOnlyList<DiscordMessage>?> RunAsync(DeferredInteraction interaction, CancellationToken workToken, CancellationToken stoppingToken)
    {
        try
        {
            return await handler.HandleAsync(interaction, workToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Log.CommandCanceled(logger, interaction.InteractionId, interaction.Command.Name);
            return NoticeMessages.Cancelled;
        }
        catch (OperationCanceledException) when (workToken.IsCancellationRequested)
        {
            Log.TokenExpired(logger, interaction.InteractionId, 1);
            return null;
        }
        catch (Exception ex)
        {
            Log.CommandFailed(logger, ex, interaction.InteractionId, interaction.Command.Name);
            return NoticeMessages.Failed;
        }
    }
}
