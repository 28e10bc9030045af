using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RagPapers.Discord.Background;
using RagPapers.Discord.Commands;
using RagPapers.Discord.Rendering;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Interactions;

/// <summary>
/// Answers an authentic interaction at once: PING with PONG, /help and unusable commands with a message, and
/// every other command with a deferred reply while the work is queued for the background worker.
/// </summary>
internal sealed class InteractionDispatcher(InteractionQueue queue, TimeProvider time, ILogger<InteractionDispatcher> logger)
{
    public IResult Dispatch(InteractionPayload interaction)
    {
        switch (interaction.Type)
        {
            case InteractionPayload.Ping:
                return Reply(InteractionResponse.Pong);
            case InteractionPayload.ApplicationCommand:
                return DispatchCommand(interaction);
            default:
                Log.UnsupportedType(logger, interaction.Type);
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unsupported interaction type", detail: $"Interaction type {interaction.Type} is not handled; this bot only has slash commands.");
        }
    }

    private IResult DispatchCommand(InteractionPayload interaction)
    {
        if (interaction is not { Id: { } id, ApplicationId: { } applicationId, Token: { } token, Data: { } data, ConversationKey: { } conversation })
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed interaction", detail: "A command interaction needs id, application_id, token, data and a channel or user.");
        }

        var command = SlashCommandInvocation.From(data);
        if (!SlashCommands.IsKnown(command.Name))
        {
            return Reply(InteractionResponse.Message(NoticeMessages.Ephemeral($"I do not know the command /{command.Name}; /help lists mine.")));
        }

        if (command.Name == SlashCommands.Help)
        {
            return Reply(InteractionResponse.Message(HelpMessages.Build()));
        }

        if (SlashCommands.MissingOption(command) is { } missing)
        {
            return Reply(InteractionResponse.Message(NoticeMessages.Ephemeral($"/{command.Name} needs the option {missing}.")));
        }

        if (!queue.TryEnqueue(new DeferredInteraction(id, applicationId, token, conversation, command, time.GetUtcNow())))
        {
            Log.QueueFull(logger, id, command.Name);
            return Reply(InteractionResponse.Message(NoticeMessages.Busy));
        }

        Log.Deferred(logger, id, command.Name);
        return Reply(InteractionResponse.Deferred);
    }

    private static IResult Reply(InteractionResponse response) =>
        Results.Json(response, DiscordJsonContext.Default.InteractionResponse);
}
