using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using RagPapers.Discord.Configuration;

namespace RagPapers.Discord.Rest;

/// <summary>
/// The REST calls the bot makes: answer an interaction, fill a deferred reply, post follow-ups and replies, register
/// commands, ask where the Gateway is. Every call waits out what the rate-limit buckets say and runs through
/// <see cref="DiscordResilience"/> (a 429's retry_after honoured, a 502/503/504 retried with a short back-off, at most
/// Discord:MaxRetries times; an attempt timeout; a circuit breaker); any other error becomes a <see cref="DiscordApiException"/>.
/// </summary>
internal sealed class DiscordRestClient(
    IHttpClientFactory httpClients,
    RateLimitBuckets buckets,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordRestClient> logger)
{
    public const string HttpClientName = "RagPapers.Discord";

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = DiscordResilience.Build(options.Value, buckets, time, logger);

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>"DiscordBot (url, version)", the form Discord asks for (others risk a Cloudflare block).</summary>
    public static string UserAgent(string url) =>
        $"DiscordBot ({url}, {typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"})";

    public async Task EditOriginalAsync(string applicationId, string token, DiscordMessage message, CancellationToken cancellationToken = default)
    {
        using var _ = await SendAsync(DiscordRoute.EditOriginal(applicationId, token), Serialize(message), authorize: false, cancellationToken);
    }

    public async Task CreateFollowupAsync(string applicationId, string token, DiscordMessage message, CancellationToken cancellationToken = default)
    {
        using var _ = await SendAsync(DiscordRoute.CreateFollowup(applicationId, token), Serialize(message), authorize: false, cancellationToken);
    }

    /// <summary>The first reply to an interaction that came over the Gateway (over HTTP it is the response body instead).</summary>
    public async Task CreateInteractionResponseAsync(string interactionId, string token, InteractionResponse response, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(response, DiscordJsonContext.Default.InteractionResponse);
        using var _ = await SendAsync(DiscordRoute.InteractionCallback(interactionId, token), body, authorize: false, cancellationToken);
    }

    /// <summary>Posts <paramref name="message"/> in a channel (with the bot token).</summary>
    public async Task CreateMessageAsync(string channelId, ChannelMessage message, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message, DiscordJsonContext.Default.ChannelMessage);
        using var _ = await SendAsync(DiscordRoute.CreateMessage(channelId), body, authorize: true, cancellationToken);
    }

    /// <summary>Shows "RagPapers is typing…" in a channel for up to 10 seconds, or until the bot posts there.</summary>
    public async Task TriggerTypingAsync(string channelId, CancellationToken cancellationToken = default)
    {
        using var _ = await SendAsync(DiscordRoute.TriggerTyping(channelId), body: null, authorize: true, cancellationToken);
    }

    /// <summary>Where the Gateway is and how many new sessions the bot may start (GET /gateway/bot, with the bot token).</summary>
    public async Task<GatewayBot> GetGatewayBotAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(DiscordRoute.GatewayBot, body: null, authorize: true, cancellationToken);
        return await response.Content.ReadFromJsonAsync(DiscordJsonContext.Default.GatewayBot, cancellationToken)
            ?? throw new DiscordApiException(DiscordRoute.GatewayBot.Template, (int)response.StatusCode, null, "empty body");
    }

    /// <summary>Replaces every command of the application (globally, or in one guild) with <paramref name="commands"/>.</summary>
    public async Task<IReadOnlyList<RegisteredCommand>> BulkOverwriteCommandsAsync(
        string applicationId, string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);
        using var response = await SendAsync(DiscordRoute.BulkOverwriteCommands(applicationId, guildId), body, authorize: true, cancellationToken);
        return await response.Content.ReadFromJsonAsync(DiscordJsonContext.Default.ListRegisteredCommand, cancellationToken) ?? [];
    }

    private static byte[] Serialize(DiscordMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(message, DiscordJsonContext.Default.DiscordMessage);

    private async Task<HttpResponseMessage> SendAsync(DiscordRoute route, byte[]? body, bool authorize, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(DiscordResilience.RouteKey, route);
        try
        {
            var response = await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Client.SendWhenBucketAllowsAsync(state.Route, state.Body, state.Authorize, ctx.CancellationToken),
                context,
                (Client: this, Route: route, Body: body, Authorize: authorize));
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var failure = await DiscordFailure.ReadAsync(response, cancellationToken);
                throw new DiscordApiException(route.Template, (int)response.StatusCode, failure.Error?.Code, failure.Error?.Message);
            }
        }
        catch (ExecutionRejectedException rejection) when (!cancellationToken.IsCancellationRequested)
        {
            throw DiscordResilience.Describe(rejection, route);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> SendWhenBucketAllowsAsync(DiscordRoute route, byte[]? body, bool authorize, CancellationToken cancellationToken)
    {
        // Until the bucket is really open: a timer may fire a fraction of a millisecond before the time Discord
        // named, and a request sent that early can be limited again.
        for (var wait = buckets.DelayFor(route); wait > TimeSpan.Zero; wait = buckets.DelayFor(route))
        {
            Log.WaitingForBucket(logger, route.Template, wait.TotalSeconds);
            await Task.Delay(wait, time, cancellationToken);
        }

        var response = await SendOnceAsync(route, body, authorize, cancellationToken);
        buckets.Observe(route, response.Headers);
        return response;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(DiscordRoute route, byte[]? body, bool authorize, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(route.Method, route.Path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }

        if (authorize)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken);
        }

        return await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
    }
}
