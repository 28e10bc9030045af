using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Interactions;

/// <summary>
/// Answers an authentic interaction POSTed to the endpoint at once: PING with PONG, a command with what
/// <see cref="InteractionTriage"/> decides (a message, or a deferred reply while the work is queued).
/// </summary>
internal sealed class InteractionDispatcher(InteractionTriage triage, ILogger<InteractionDispatcher> logger)
{
    public IResult Dispatch(InteractionPayload interaction)
    {
        switch (interaction.Type)
        {
            case InteractionPayload.Ping:
                return Reply(InteractionResponse.Pong);
            case InteractionPayload.ApplicationCommand:
                return triage.Triage(interaction) is { } response
                    ? Reply(response)
                    : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed interaction", detail: "A command interaction needs id, application_id, token, data and a channel or user.");
            default:
                Log.UnsupportedType(logger, interaction.Type);
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unsupported interaction type", detail: $"Interaction type {interaction.Type} is not handled; this bot only has slash commands.");
        }
    }

    private static IResult Reply(InteractionResponse response) =>
        Results.Json(response, DiscordJsonContext.Default.InteractionResponse);
}
