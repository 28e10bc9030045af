using Microsoft.Extensions.Logging;
using RagPapers.Discord.Commands;
using RagPapers.Discord.Rendering;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Background;

/// <summary>
/// Answers one queued command: runs it (cut short when it would be too old to answer), turns a failure into a
/// short friendly message, and delivers the result once Discord holds the reply it builds on. Never throws, except
/// to stop when the host stops.
/// </summary>
internal sealed class InteractionProcessor(
    DiscordCommandHandler handler,
    InteractionDelivery delivery,
    TimeProvider time,
    ILogger<InteractionProcessor> logger)
{
    // When the host stops mid-answer, this long is still spent telling the user to ask again.
    private static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(5);

    public async Task ProcessAsync(PendingCommand command, CancellationToken stoppingToken)
    {
        var remaining = command.UsableUntil - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            Log.TokenExpired(logger, command.Kind, command.Id, 1);
            return;
        }

        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(remaining, time);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        var reply = await RunAsync(command, work.Token, stoppingToken);
        if (reply is null || !await IsAcknowledgedAsync(command, stoppingToken))
        {
            return;
        }

        if (stoppingToken.IsCancellationRequested)
        {
            using var goodbye = new CancellationTokenSource(GoodbyeTimeout, time);
            await delivery.DeliverAsync(command, reply, goodbye.Token);
            return;
        }

        var delivered = await delivery.DeliverAsync(command, reply, stoppingToken);
        Log.Answered(logger, command.Kind, command.Id, command.Command.Name, reply.Count, delivered, time.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The reply to send; null when there is no one left to send it to (the token expired).</summary>
    private async Task<IReadOnlyList<DiscordMessage>?> RunAsync(PendingCommand command, CancellationToken workToken, CancellationToken stoppingToken)
    {
        try
        {
            return await handler.HandleAsync(command, workToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Log.CommandCanceled(logger, command.Kind, command.Id, command.Command.Name);
            return NoticeMessages.Cancelled;
        }
        catch (OperationCanceledException) when (workToken.IsCancellationRequested)
        {
            Log.TokenExpired(logger, command.Kind, command.Id, 1);
            return null;
        }
        catch (Exception ex)
        {
            Log.CommandFailed(logger, ex, command.Kind, command.Id, command.Command.Name);
            return NoticeMessages.Failed;
        }
    }

    // Over the Gateway the deferred reply goes out by REST while the work starts; an edit sent before it would
    // find no message, and when it failed there is nothing to edit at all.
    private async Task<bool> IsAcknowledgedAsync(PendingCommand command, CancellationToken stoppingToken)
    {
        try
        {
            await command.Acknowledged.WaitAsync(stoppingToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Log.NotAcknowledged(logger, command.Kind, command.Id);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
