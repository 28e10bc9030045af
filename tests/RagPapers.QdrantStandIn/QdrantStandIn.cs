using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RagPapers.Testing.Qdrant;

/// <summary>
/// A loopback stand-in for Qdrant's REST API on a real Kestrel server (127.0.0.1, port 0). Every request body is
/// validated against the official OpenAPI schema of its operation, and every reply it writes against the schema of
/// that reply; any mismatch is kept in <see cref="Violations"/>. It answers with Qdrant's envelopes and error texts,
/// enforces the api-key header when given one (401 in plain text, as Qdrant does), and applies <see cref="Faults"/>.
/// </summary>
public sealed class QdrantStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly QdrantSpec spec;
    private readonly StandInHandlers handlers;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentQueue<string> violations = new();

    private QdrantStandIn(WebApplication app, QdrantSpec spec, string? apiKey)
    {
        this.app = app;
        this.spec = spec;
        ApiKey = apiKey;
        handlers = new StandInHandlers(() => Version);
        app.Run(HandleAsync);
    }

    public Uri Url { get; private set; } = null!;

    public string? ApiKey { get; }

    /// <summary>The version GET / reports.</summary>
    public string Version { get; set; } = "1.19.0";

    public FaultPlan Faults { get; } = new();

    public IReadOnlyCollection<RecordedRequest> Requests => requests;

    /// <summary>Request bodies that broke the schema, replies of the stand-in that did, and features it does not imitate.</summary>
    public IReadOnlyCollection<string> Violations => violations;

    public static async Task<QdrantStandIn> StartAsync(string? apiKey = null)
    {
        var spec = await QdrantSpec.GetAsync();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var standIn = new QdrantStandIn(builder.Build(), spec, apiKey);
        await standIn.app.StartAsync();
        var address = standIn.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.Url = new Uri(address);
        return standIn;
    }

    /// <summary>The names of the collections it holds.</summary>
    public IReadOnlyCollection<string> CollectionNames => [.. handlers.Collections.Keys];

    /// <summary>Throws, listing them, if any request or reply broke the schema.</summary>
    public void AssertNoViolations()
    {
        if (!violations.IsEmpty)
        {
            throw new InvalidOperationException("Qdrant stand-in saw schema violations:\n" + string.Join("\n", violations));
        }
    }

    public void ClearRequests() => requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        var route = StandInRoutes.Match(request.Method, request.Path.Value ?? "/");
        var key = request.Headers["api-key"].FirstOrDefault() ?? BearerToken(request.Headers.Authorization.FirstOrDefault());
        requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", body, key, route?.OperationId));
        if (Faults.TryTake(out var fault) && !await ApplyAsync(fault, context))
        {
            return;
        }

        if (route is not { } matched)
        {
            violations.Enqueue($"{request.Method} {request.Path}: Qdrant has no such route");
            context.Response.StatusCode = 404;
            return;
        }

        if (ApiKey is not null && matched.OperationId != "root" && key != ApiKey)
        {
            context.Response.StatusCode = 401;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("Must provide an API key or an Authorization bearer token", context.RequestAborted);
            return;
        }

        var (status, reply) = Answer(matched.OperationId, matched.Collection, body, request.Query["wait"] == "true");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply, context.RequestAborted);
    }

    private (int Status, string Reply) Answer(string operationId, string? collection, string body, bool wait)
    {
        try
        {
            var json = StandInRequestBody.Parse(spec, operationId, body);
            var result = handlers.Handle(operationId, collection, json, wait);
            var reply = operationId == "root" ? result!.ToJsonString() : StandInReplies.Ok(result);
            Check(spec.ValidateResponse(operationId, reply), $"reply to {operationId}");
            return (200, reply);
        }
        catch (StandInError error)
        {
            if (error.IsUnsupported || error is { StatusCode: 400 } && error.Message.StartsWith("Format error", StringComparison.Ordinal))
            {
                violations.Enqueue($"{operationId}: {error.Message}");
            }

            var reply = StandInReplies.Error(error.Message);
            Check(spec.ValidateError(reply), $"error reply to {operationId}");
            return (error.StatusCode, reply);
        }
    }

    private void Check(IReadOnlyList<string> errors, string what)
    {
        foreach (var error in errors)
        {
            violations.Enqueue($"{what}: {error}");
        }
    }

    private static async Task<bool> ApplyAsync(FaultPlan.Fault fault, HttpContext context)
    {
        switch (fault.Kind)
        {
            case FaultPlan.FaultKind.Status:
                context.Response.StatusCode = fault.StatusCode;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(StandInReplies.Error($"Service Unavailable: injected fault {fault.StatusCode}"), context.RequestAborted);
                return false;
            case FaultPlan.FaultKind.Delay:
                await Task.Delay(fault.Delay, context.RequestAborted);
                return true;
            default:
                context.Abort();
                return false;
        }
    }

    private static string? BearerToken(string? authorization) =>
        authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true ? authorization[7..] : null;
}
