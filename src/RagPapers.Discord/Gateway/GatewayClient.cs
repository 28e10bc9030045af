using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Discord.Commands;
using RagPapers.Discord.Configuration;
using RagPapers.Discord.Rest;

namespace RagPapers.Discord.Gateway;

/// <summary>
/// Keeps the bot connected to the Gateway until stopped: asks Discord where to connect (GET /gateway/bot) and waits
/// out the session start limit before each new session, resumes on the resume URL whenever the session survives,
/// and waits as <see cref="ReconnectPlan"/> says between connections. Stops for good, with a message that says
/// what to fix, when Discord refuses the configuration (a bad token, disallowed intents).
/// </summary>
internal sealed class GatewayClient(
    DiscordRestClient rest,
    IdentifyLimiter identifyLimiter,
    GatewaySession session,
    GatewayDispatcher dispatcher,
    GatewayJitter jitter,
    TimeProvider time,
    IOptions<DiscordOptions> options,
    ILogger<GatewayClient> logger)
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs until <paramref name="stoppingToken"/> fires.</summary>
    /// <exception cref="DiscordSetupException">Discord refused the token or the intents; reconnecting cannot help.</exception>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var identity = new GatewayIdentity(options.Value.BotToken, GatewayIntents.For(options.Value));
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var end = await ConnectOnceAsync(identity, stoppingToken);
            if (end.Kind == ConnectionEndKind.Stopped)
            {
                return;
            }

            if (end.Kind == ConnectionEndKind.Closed && GatewayCloseCodes.Fatal(end.CloseCode, identity.Intents) is { } fix)
            {
                throw new DiscordSetupException(fix);
            }

            failures = end.ReachedSession ? 1 : failures + 1;
            var plan = ReconnectPlan.For(end, failures, jitter.Next());
            if (!plan.Resume)
            {
                session.Reset();
            }

            var wait = Task.Delay(plan.Delay, time, stoppingToken); // armed before the log line, which tests wait for
            Log.Reconnecting(logger, plan.Delay.TotalSeconds, session.Resumable is null ? "identify" : "resume", plan.Why);
            await wait;
        }
    }

    private async Task<ConnectionEnd> ConnectOnceAsync(GatewayIdentity identity, CancellationToken stoppingToken)
    {
        var resume = session.Resumable;
        var url = resume?.Url ?? await NewSessionUrlAsync(stoppingToken);
        if (url is null)
        {
            return new ConnectionEnd(ConnectionEndKind.Dropped, false, "GET /gateway/bot failed");
        }

        GatewaySocket socket;
        using var timeout = new CancellationTokenSource(ConnectTimeout, time);
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            Log.Connecting(logger, url.Host, resume is null ? "identify" : "resume");
            socket = await GatewaySocket.ConnectAsync(url, DiscordRestClient.UserAgent(options.Value.UserAgentUrl), connect.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            // The docs: when the resume URL cannot be reached, start over on the URL from GET /gateway/bot.
            session.Reset();
            return new ConnectionEnd(ConnectionEndKind.Dropped, false, "could not connect: " + ex.Message);
        }

        await using (socket)
        {
            using var connection = new GatewayConnection(socket, resume, identity, session, dispatcher, jitter, time, logger);
            try
            {
                return await connection.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A bug in reading one connection must cost a reconnect, not the bot (nor, in a server, the host).
                Log.ConnectionFailed(logger, ex);
                return new ConnectionEnd(ConnectionEndKind.Dropped, false, ex.GetType().Name);
            }
        }
    }

    /// <summary>Where a new session connects, once the session start limit allows one; null when Discord could not say.</summary>
    private async Task<Uri?> NewSessionUrlAsync(CancellationToken stoppingToken)
    {
        GatewayBot gateway;
        try
        {
            gateway = await rest.GetGatewayBotAsync(stoppingToken);
        }
        catch (DiscordApiException ex) when (ex.StatusCode == 401)
        {
            throw new DiscordSetupException(
                "Discord refused the bot token (401 on GET /gateway/bot): check Discord:BotToken. In the Developer Portal open your application → Bot → Reset Token, "
                + "copy the new token and set it with RAGPAPERS_Discord__BotToken.",
                ex);
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException or System.Text.Json.JsonException
            || (ex is TaskCanceledException && !stoppingToken.IsCancellationRequested))
        {
            Log.GatewayBotFailed(logger, ex.Message);
            return null;
        }

        if (gateway.Shards > 1)
        {
            Log.ShardsRecommended(logger, gateway.Shards);
        }

        identifyLimiter.Update(gateway.SessionStartLimit);
        await identifyLimiter.AcquireAsync(stoppingToken);
        return Uri.TryCreate(gateway.Url, UriKind.Absolute, out var url) ? url : null;
    }
}
