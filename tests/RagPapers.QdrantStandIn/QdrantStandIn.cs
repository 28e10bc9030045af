using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RagPapers.Testing.Qdrant;

/// <summary>
/// A loopback stand-in for Qdrant's gRPC API (what Qdrant serves on port 6334) on a real Kestrel server: 127.0.0.1,
/// port 0, HTTP/2 without TLS. Its service bases are generated from Qdrant's own .proto files; it keeps collections
/// in memory with Qdrant's semantics (cosine, sparse dot product with IDF, RRF, filters, payload), answers malformed
/// requests with Qdrant's status codes and words, enforces an api-key when given one, records every call and applies
/// <see cref="Faults"/>.
/// </summary>
public sealed class QdrantStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StandInState _state;

    private QdrantStandIn(WebApplication app, StandInState state)
    {
        this._app = app;
        this._state = state;
    }

    public Uri Url { get; private set; } = null!;

    public string? ApiKey => _state.ApiKey;

    /// <summary>The version the health check reports.</summary>
    public string Version
    {
        get => _state.Version;
        set => _state.Version = value;
    }

    public FaultPlan Faults => _state.Faults;

    public IReadOnlyCollection<RecordedCall> Calls => _state.Calls;

    /// <summary>Requests that used a feature the stand-in does not imitate; a test that leans on one proves nothing.</summary>
    public IReadOnlyCollection<string> Violations => _state.Violations;

    public IReadOnlyCollection<string> CollectionNames => [.. _state.Collections.Keys];

    public static async Task<QdrantStandIn> StartAsync(string? apiKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        var state = new StandInState(apiKey);
        builder.Services.AddSingleton(state);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<StandInInterceptor>();
            grpc.MaxReceiveMessageSize = 64 * 1024 * 1024; // Qdrant's own limit is far above what one batch sends
        });
        var app = builder.Build();
        app.MapGrpcService<QdrantHealthService>();
        app.MapGrpcService<CollectionsService>();
        app.MapGrpcService<PointsService>();
        var standIn = new QdrantStandIn(app, state);
        await app.StartAsync();
        standIn.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return standIn;
    }

    /// <summary>An http:// address on 127.0.0.1 where nothing listens: a Qdrant that is down.</summary>
    public static Uri ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
    }

    /// <summary>The calls of one method ("Points/Query"), in order.</summary>
    public IReadOnlyList<RecordedCall> CallsTo(string method) => [.. _state.Calls.Where(c => c.Method == method)];

    /// <summary>Throws, listing them, if any call used something the stand-in does not imitate.</summary>
    public void AssertNoViolations()
    {
        if (!_state.Violations.IsEmpty)
        {
            throw new InvalidOperationException("The Qdrant stand-in was asked for what it does not imitate:\n" + string.Join("\n", _state.Violations));
        }
    }

    public void ClearCalls() => _state.Calls.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
