using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Discord.Configuration;

namespace RagPapers.Discord.Rest;

/// <summary>
/// The REST calls the bot makes: answer an interaction, fill a deferred reply, post follow-ups and replies, register
/// commands, ask where the Gateway is. Every call waits out
/// what the rate-limit buckets say, honours a 429's retry_after (retrying at most Discord:MaxRetries times), and
/// retries a 502/503/504 with a short back-off; any other error becomes a <see cref="DiscordApiException"/>.
/// </summary>
internal sealed class DiscordRestClient(
    IHttpClientFactory httpClients,
    RateLimitBuckets buckets,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordRestClient> logger)
{
    public const string HttpClientName = "RagPapers.Discord";

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
        for (var attempt = 0; ; attempt++)
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
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var error = await ReadErrorAsync(response, cancellationToken);
                if (!await ShouldRetryAsync(route, response, error, attempt, cancellationToken))
                {
                    throw new DiscordApiException(route.Template, (int)response.StatusCode, error?.Code, error?.Message);
                }
            }
        }
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

    private async Task<bool> ShouldRetryAsync(DiscordRoute route, HttpResponseMessage response, DiscordErrorBody? error, int attempt, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (attempt >= settings.MaxRetries)
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var seconds = error?.RetryAfter ?? RateLimitBuckets.Number(response.Headers, "Retry-After") ?? 1.0;
            var global = error?.Global == true || string.Equals(RateLimitBuckets.Header(response.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
            if (seconds > settings.MaxRetryWaitSeconds)
            {
                Log.RateLimitTooLong(logger, route.Template, seconds);
                return false;
            }

            Log.RateLimited(logger, route.Template, seconds, global, attempt + 1);
            buckets.OnTooManyRequests(route, TimeSpan.FromSeconds(Math.Max(seconds, 0)), global);
            return true;
        }

        if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            var backoff = TimeSpan.FromSeconds(0.5 * (1 << attempt));
            Log.TransientFailure(logger, route.Template, (int)response.StatusCode, backoff.TotalSeconds, attempt + 1);
            await Task.Delay(backoff, time, cancellationToken);
            return true;
        }

        return false;
    }

    private static async Task<DiscordErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return text.Length == 0 ? null : JsonSerializer.Deserialize(text, DiscordJsonContext.Default.DiscordErrorBody);
        }
        catch (JsonException)
        {
            return null; // a proxy's HTML error page: the status code says enough
        }
    }
}
