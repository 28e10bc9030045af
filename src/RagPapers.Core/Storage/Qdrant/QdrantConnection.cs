using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// The official <see cref="QdrantClient"/> on a gRPC channel to Store:Qdrant:Url (h2c for http://, TLS for https://),
/// with the api-key header on every call when one is set, each call's deadline at Store:Qdrant:TimeoutSeconds, and
/// every call run through <see cref="QdrantResilience"/>. A call that fails for good becomes a
/// <see cref="StoreUnavailableException"/> naming the server (<see cref="QdrantFailures"/>).
/// </summary>
internal sealed class QdrantConnection : IDisposable
{
    // Scroll pages with vectors of a large embedder reach a few MB; gRPC's default 4 MB would cut them off.
    private const int MaxMessageBytes = 64 * 1024 * 1024;

    private readonly GrpcChannel _channel;
    private readonly QdrantClient _client;
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeSpan _timeout;

    private QdrantConnection(Uri url, GrpcChannel channel, QdrantClient client, ResiliencePipeline pipeline, TimeSpan timeout)
    {
        Url = url;
        this._channel = channel;
        this._client = client;
        this._pipeline = pipeline;
        this._timeout = timeout;
    }

    public Uri Url { get; }

    public static QdrantConnection Create(QdrantStoreOptions options, TimeProvider time, ILogger logger, TimeSpan? firstRetryDelay = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = new Uri(options.Url);
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var handler = new SocketsHttpHandler
        {
            // A host that drops packets must fail as fast as one that refuses the connection.
            ConnectTimeout = timeout < TimeSpan.FromSeconds(10) ? timeout : TimeSpan.FromSeconds(10),
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
        };
        var channel = GrpcChannel.ForAddress(url, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = MaxMessageBytes,
            MaxSendMessageSize = MaxMessageBytes,
        });
        var invoker = channel.CreateCallInvoker();
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            var key = options.ApiKey;
            invoker = invoker.Intercept(headers =>
            {
                headers.Add("api-key", key);
                return headers;
            });
        }

        // No logger factory: the client would log every transient failure as an error before the pipeline retries it.
        var client = new QdrantClient(new QdrantGrpcClient(invoker), timeout);
        var pipeline = QdrantResilience.Build(options.MaxRetries, firstRetryDelay ?? QdrantResilience.DefaultFirstDelay, time, logger);
        return new QdrantConnection(url, channel, client, pipeline, timeout);
    }

    /// <summary>Runs <paramref name="send"/> (named <paramref name="call"/>, e.g. "Points/Query") through the resilience pipeline (breaker, retries).</summary>
    public async Task<T> CallAsync<T>(string call, Func<QdrantClient, CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(QdrantCall.NameKey, call);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    QdrantCall.CountAttempt(ctx);
                    return await state.Send(state.Client, ctx.CancellationToken);
                },
                context,
                (Client: _client, Send: send));
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            // gRPC reports the caller's cancellation as a status (its option to throw instead covers deadlines too).
            throw new OperationCanceledException($"Qdrant {call} was canceled.", error, cancellationToken);
        }
        catch (BrokenCircuitException error)
        {
            throw QdrantFailures.Skipped(error, Url, call);
        }
        catch (RpcException error)
        {
            throw QdrantFailures.From(error, Url, call, context.Properties.GetValue(QdrantCall.AttemptsKey, 1), _timeout);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>As <see cref="CallAsync{T}"/>, for a call without a result.</summary>
    public Task CallAsync(string call, Func<QdrantClient, CancellationToken, Task> send, CancellationToken cancellationToken) =>
        CallAsync(call, async (client, ct) =>
        {
            await send(client, ct);
            return true;
        }, cancellationToken);

    public void Dispose()
    {
        _client.Dispose();
        _channel.Dispose();
    }
}
