using Microsoft.Extensions.Logging;
using RagPapers.Discord.Interactions;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Gateway;

/// <summary>
/// INTERACTION_CREATE: the same triage as the HTTP endpoint, but the immediate reply goes out by REST (the
/// interaction callback) since the Gateway takes no replies. The queued work waits for that callback before it
/// edits the deferred message, and is dropped if the callback failed.
/// </summary>
internal sealed class GatewayInteractionHandler(InteractionTriage triage, DiscordRestClient rest, ILogger<GatewayInteractionHandler> logger)
{
    public async Task HandleAsync(InteractionPayload interaction, CancellationToken stoppingToken)
    {
        if (interaction.Type != InteractionPayload.ApplicationCommand || interaction is not { Id: { } id, Token: { } token })
        {
            Log.InteractionIgnored(logger, interaction.Id ?? "(no id)", interaction.Type);
            return;
        }

        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (triage.Triage(interaction, acknowledged.Task) is not { } response)
        {
            Log.InteractionIgnored(logger, id, interaction.Type);
            return;
        }

        try
        {
            await rest.CreateInteractionResponseAsync(id, token, response, stoppingToken);
            acknowledged.SetResult();
        }
        catch (Exception ex)
        {
            Log.CallbackFailed(logger, ex, id);
            acknowledged.SetException(ex);
            if (ex is OperationCanceledException && stoppingToken.IsCancellationRequested)
            {
                throw;
            }
        }
    }
}
