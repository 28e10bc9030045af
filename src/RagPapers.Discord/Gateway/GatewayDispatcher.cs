using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Gateway;

/// <summary>
/// Hands the dispatches the bot acts on to their handlers, each on its own task so the read loop goes on at once:
/// INTERACTION_CREATE (a slash command) and MESSAGE_CREATE (perhaps a mention). An event seen before is skipped.
/// The host waits for handlers under way when it stops.
/// </summary>
internal sealed class GatewayDispatcher(GatewayInteractionHandler interactions, MentionHandler mentions, ILogger<GatewayDispatcher> logger)
{
    private readonly RecentIds _seen = new(4_096);
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    public void Dispatch(string? eventName, JsonElement data, CancellationToken stoppingToken)
    {
        try
        {
            switch (eventName)
            {
                case "INTERACTION_CREATE" when data.Deserialize(DiscordJsonContext.Default.InteractionPayload) is { Id: { } id } interaction && _seen.Add("interaction " + id):
                    Track(eventName, () => interactions.HandleAsync(interaction, stoppingToken), stoppingToken);
                    break;
                case "MESSAGE_CREATE" when data.Deserialize(GatewayJsonContext.Default.GatewayMessage) is { } message && _seen.Add("message " + message.Id):
                    Track(eventName, () => mentions.HandleAsync(message, stoppingToken), stoppingToken);
                    break;
                default:
                    Log.EventIgnored(logger, eventName ?? "(none)");
                    break;
            }
        }
        catch (JsonException ex)
        {
            Log.EventUnreadable(logger, eventName ?? "(none)", ex.Message);
        }
    }

    /// <summary>Waits for the handlers under way.</summary>
    public async Task DrainAsync()
    {
        await Task.WhenAll(_running.Keys);
    }

    private void Track(string eventName, Func<Task> handle, CancellationToken stoppingToken)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await handle();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A bug in one handler must not take the connection down, nor go unseen.
                Log.HandlerFailed(logger, ex, eventName);
            }
            catch (OperationCanceledException)
            {
                // stopping
            }
        }, CancellationToken.None);
        _running[task] = true;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
