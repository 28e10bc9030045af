using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RagPapers.Discord.Gateway;

/// <summary>
/// One Gateway connection, from Hello to its end: starts the heartbeat, identifies (or resumes), reads payloads and
/// hands dispatches on, and reports why it ended. Reconnecting is the client's job. Events are handed to the
/// dispatcher with the host's stopping token, so a dropped socket never cancels an answer under way.
/// </summary>
internal sealed class GatewayConnection(
    GatewaySocket socket,
    (string SessionId, Uri Url, long Sequence)? resume,
    GatewayIdentity identity,
    GatewaySession session,
    GatewayDispatcher dispatcher,
    GatewayJitter jitter,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    // How long a close frame may take to go out, and Discord's answer to come back, before the socket is dropped.
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(1);

    // Discord sends Hello at once; a peer that accepts the socket and says nothing would otherwise hold it forever.
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _abort = new();
    private readonly GatewayOutbox _outbox = new(socket, identity, time);
    private HeartbeatLoop? _heartbeat;
    private Task _heartbeatTask = Task.CompletedTask;
    private Task _stopping = Task.CompletedTask;
    private volatile bool _zombie;
    private bool _reachedSession;
    private int _replayed;

    public async Task<ConnectionEnd> RunAsync(CancellationToken stoppingToken)
    {
        var stop = stoppingToken.Register(() => _stopping = CloseForStopAsync());
        using var noHello = time.CreateTimer(_ => AbortWithoutHello(), null, HelloTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            return await ReadAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or InvalidDataException or JsonException or ObjectDisposedException)
        {
            return Ended(ex is OperationCanceledException ? "the connection was aborted" : ex.Message, stoppingToken);
        }
        finally
        {
            await stop.DisposeAsync();
            await _abort.CancelAsync();
            await _stopping;
            await _heartbeatTask;
        }
    }

    public void Dispose() => _abort.Dispose();

    private void AbortWithoutHello()
    {
        if (_heartbeat is null)
        {
            _abort.Cancel();
        }
    }

    private async Task<ConnectionEnd> ReadAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            var payload = await socket.ReceiveAsync(_abort.Token);
            if (payload is null)
            {
                return stoppingToken.IsCancellationRequested || _zombie
                    ? Ended("", stoppingToken)
                    : new ConnectionEnd(ConnectionEndKind.Closed, _reachedSession, socket.CloseReason, socket.CloseCode);
            }

            if (await HandleAsync(payload, stoppingToken) is { } end)
            {
                return end;
            }
        }
    }

    private ConnectionEnd Ended(string detail, CancellationToken stoppingToken) =>
        stoppingToken.IsCancellationRequested ? ConnectionEnd.Stopped
        : _zombie ? new ConnectionEnd(ConnectionEndKind.Zombie, _reachedSession)
        : new ConnectionEnd(ConnectionEndKind.Dropped, _reachedSession, detail);

    private async Task<ConnectionEnd?> HandleAsync(GatewayPayload payload, CancellationToken stoppingToken)
    {
        switch (payload.Op)
        {
            case GatewayOpcode.Hello:
                await OnHelloAsync(payload);
                return null;
            case GatewayOpcode.HeartbeatAck:
                _heartbeat?.Acknowledge();
                return null;
            case GatewayOpcode.Heartbeat when _heartbeat is not null:
                await _heartbeat.BeatAsync(_abort.Token);
                return null;
            case GatewayOpcode.Reconnect:
                return await LeaveAsync(new ConnectionEnd(ConnectionEndKind.Reconnect, _reachedSession));
            case GatewayOpcode.InvalidSession:
                return await LeaveAsync(new ConnectionEnd(ConnectionEndKind.InvalidSession, _reachedSession, Resumable: payload.D.ValueKind == JsonValueKind.True));
            case GatewayOpcode.Dispatch:
                OnDispatch(payload, stoppingToken);
                return null;
            default:
                Log.PayloadIgnored(logger, payload.Op);
                return null;
        }
    }

    private async Task OnHelloAsync(GatewayPayload payload)
    {
        var hello = payload.Data(GatewayJsonContext.Default.HelloData);
        if (hello is not { HeartbeatInterval: > 0 })
        {
            throw new InvalidDataException("the Gateway's Hello has no heartbeat_interval");
        }

        _heartbeat = new HeartbeatLoop(ct => _outbox.HeartbeatAsync(session.Sequence, ct), time, logger);
        _heartbeatTask = KeepBeatingAsync(TimeSpan.FromMilliseconds(hello.HeartbeatInterval));
        await (resume is { } r ? _outbox.ResumeAsync(r.SessionId, r.Sequence, _abort.Token) : _outbox.IdentifyAsync(_abort.Token));
    }

    private void OnDispatch(GatewayPayload payload, CancellationToken stoppingToken)
    {
        session.Observe(payload.S);
        switch (payload.T)
        {
            case "READY":
                var ready = payload.Data(GatewayJsonContext.Default.ReadyData) ?? throw new InvalidDataException("the Gateway's READY has no session");
                session.Start(ready);
                _reachedSession = true;
                Log.Connected(logger, ready.User.GlobalName ?? ready.User.Username ?? "?", ready.User.Id, GatewayIntents.Describe(identity.Intents));
                break;
            case "RESUMED":
                _reachedSession = true;
                Log.Resumed(logger, _replayed);
                break;
            default:
                if (resume is not null && !_reachedSession)
                {
                    _replayed++; // events before RESUMED are the ones missed while away
                }

                dispatcher.Dispatch(payload.T, payload.D, stoppingToken);
                break;
        }
    }

    private async Task KeepBeatingAsync(TimeSpan interval)
    {
        try
        {
            await _heartbeat!.RunAsync(interval, jitter.Next(), _abort.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            return; // the connection is ending anyway; the read loop says why
        }

        _zombie = true;
        Log.Zombie(logger, interval.TotalSeconds);
        await CloseQuicklyAsync(GatewayCloseCodes.Reconnecting, "no heartbeat ACK");
        await _abort.CancelAsync();
    }

    private async Task<ConnectionEnd> LeaveAsync(ConnectionEnd end)
    {
        // Not 1000 or 1001, which would end the session a resume needs.
        await CloseQuicklyAsync(GatewayCloseCodes.Reconnecting, "reconnecting");
        return end;
    }

    // On stop, 1000 ends the session and shows the bot offline at once; Discord's close frame ends the read loop.
    private async Task CloseForStopAsync()
    {
        await CloseQuicklyAsync(1000, "stopping");
        try
        {
            await Task.Delay(CloseTimeout, time, _abort.Token);
            await _abort.CancelAsync();
        }
        catch (OperationCanceledException)
        {
            // the read loop already ended
        }
    }

    private async Task CloseQuicklyAsync(int code, string reason)
    {
        using var timeout = new CancellationTokenSource(CloseTimeout, time);
        await socket.CloseAsync(code, reason, timeout.Token);
    }
}
