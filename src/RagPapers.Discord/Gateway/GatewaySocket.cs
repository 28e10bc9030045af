using System.Buffers;
using System.Net.WebSockets;

namespace RagPapers.Discord.Gateway;

/// <summary>
/// One WebSocket to the Gateway, API v10 with JSON and no compression: whole text messages in, payloads out (one
/// send at a time: the heartbeat and the read loop both send), and a close frame with our code.
/// </summary>
internal sealed class GatewaySocket : IAsyncDisposable
{
    public const string Query = "v=10&encoding=json";

    /// <summary>Discord closes a connection with 4002 over a larger payload; a bigger one from us would be a bug.</summary>
    public const int MaxSendBytes = 4_096;

    // READY and guild events can be large; this only stops a broken peer from filling memory.
    private const int MaxReceiveBytes = 32 * 1024 * 1024;

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly byte[] _chunk = new byte[16 * 1024];

    private GatewaySocket(ClientWebSocket socket) => _socket = socket;

    /// <summary>The close code Discord sent, once it closed the connection.</summary>
    public int? CloseCode => (int?)_socket.CloseStatus;

    public string CloseReason => _socket.CloseStatusDescription ?? "";

    /// <summary>Opens <paramref name="url"/> with the version and encoding in its query.</summary>
    public static async Task<GatewaySocket> ConnectAsync(Uri url, string userAgent, CancellationToken cancellationToken = default)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("User-Agent", userAgent);
        try
        {
            await socket.ConnectAsync(WithQuery(url), cancellationToken);
            return new GatewaySocket(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static Uri WithQuery(Uri url) => new UriBuilder(url) { Query = Query }.Uri;

    /// <summary>The next payload, or null once Discord has closed the connection (see <see cref="CloseCode"/>).</summary>
    /// <exception cref="InvalidDataException">A binary or oversized message.</exception>
    public async Task<GatewayPayload?> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        var message = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_chunk.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            if (result.MessageType != WebSocketMessageType.Text || message.WrittenCount + result.Count > MaxReceiveBytes)
            {
                throw new InvalidDataException($"the Gateway sent a {result.MessageType} message the bot cannot read (JSON text up to {MaxReceiveBytes} bytes expected)");
            }

            message.Write(_chunk.AsSpan(0, result.Count));
            if (result.EndOfMessage)
            {
                return GatewayPayload.Parse(message.WrittenMemory);
            }
        }
    }

    public async Task SendAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default)
    {
        if (json.Length > MaxSendBytes)
        {
            throw new InvalidOperationException($"A Gateway payload of {json.Length} bytes is over Discord's {MaxSendBytes}.");
        }

        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Sends a close frame with <paramref name="code"/>; false when the socket could not take it (already gone).</summary>
    public async Task<bool> CloseAsync(int code, string reason, CancellationToken cancellationToken = default)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return false;
        }

        try
        {
            await _sendGate.WaitAsync(cancellationToken);
            try
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken);
                return true;
            }
            finally
            {
                _sendGate.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            return false;
        }
    }

    /// <summary>Drops the TCP connection at once (a pending receive ends with an error).</summary>
    public void Abort() => _socket.Abort();

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _sendGate.Dispose();
        return ValueTask.CompletedTask;
    }
}
