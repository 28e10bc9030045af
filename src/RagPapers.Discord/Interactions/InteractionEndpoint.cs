using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Interactions;

/// <summary>
/// POST /discord/interactions: reads the raw body once, refuses anything not signed by Discord (401) or already
/// received (401: a replay), then hands the interaction to the dispatcher, which answers within Discord's 3-second
/// deadline.
/// </summary>
internal sealed class InteractionEndpoint(
    InteractionSignature signature, InteractionReplayGuard replays, InteractionDispatcher dispatcher, ILogger<InteractionEndpoint> logger)
{
    // Interactions are a few KB; resolved data on big commands stays far below this. It replaces the server-wide
    // request body limit for this endpoint, so this is the limit that holds.
    internal const int MaxBodyBytes = 256 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large", detail: $"An interaction is at most {MaxBodyBytes} bytes.");
        }

        if (signature.Check(request.Headers, body) is { } refusal)
        {
            Log.Refused(logger, refusal);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid request signature", detail: refusal);
        }

        InteractionPayload? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.InteractionPayload);
        }
        catch (JsonException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed interaction", detail: $"The body is not a valid interaction: {ex.Message}");
        }

        if (interaction is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed interaction", detail: "The body is empty JSON (null).");
        }

        if (interaction.Id is { } id && !replays.TryAccept(id))
        {
            const string Replayed = "This interaction was already received; a replayed request is refused.";
            Log.Refused(logger, Replayed);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Replayed interaction", detail: Replayed);
        }

        return dispatcher.Dispatch(interaction);
    }

    /// <summary>The whole body, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes + 1; // one byte over, so a longer body reaches our own check below
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
