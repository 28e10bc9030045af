using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RagPapers.Testing.OpenAi;

/// <summary>
/// A loopback stand-in for an OpenAI-compatible server on real Kestrel (127.0.0.1, port 0): POST
/// /v1/chat/completions answers with the scripted replies in order (JSON or SSE, as the request asks), POST
/// /v1/embeddings with deterministic vectors. Every request is recorded with its headers and validated against
/// the OpenAI schema in shared/specs. Embeddings replies can be held (<see cref="HoldEmbeddingsAfter"/>), which
/// makes "while the vectors are still being computed" a state a test controls.
/// </summary>
public sealed class OpenAiStandIn : IAsyncDisposable
{
    private readonly Lock _holdGate = new();
    private int _embeddingPasses = int.MaxValue;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OpenAiReply> _chatReplies = new();
    private readonly ConcurrentQueue<OpenAiReply> _embeddingReplies = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _chatSequence;
    private int _abortedChats;

    private OpenAiStandIn(WebApplication app) => _app = app;

    /// <summary>The base URL clients are configured with, "http://127.0.0.1:PORT/v1".</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Dimensions of the embeddings returned.</summary>
    public int EmbeddingDimensions { get; init; } = 16;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> ChatRequests => [.. _requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal))];

    public IReadOnlyList<RecordedRequest> EmbeddingRequests => [.. _requests.Where(r => r.Path.EndsWith("/embeddings", StringComparison.Ordinal))];

    public int PendingChatReplies => _chatReplies.Count;

    /// <summary>The reply to a chat request when none is scripted; null answers such a request with a 500 error.</summary>
    public OpenAiReply? UnscriptedChatReply { get; set; }

    /// <summary>Chat requests whose client went away before the reply was finished: the caller cancelled its work.</summary>
    public int AbortedChatRequests => Volatile.Read(ref _abortedChats);

    /// <summary>Embeddings requests received and not answered yet because they are held.</summary>
    public int HeldEmbeddingRequests => Volatile.Read(ref _held);

    /// <summary>Answers the next <paramref name="passes"/> embeddings requests, then holds every later one until <see cref="ReleaseEmbeddings"/>.</summary>
    public void HoldEmbeddingsAfter(int passes)
    {
        lock (_holdGate)
        {
            _embeddingPasses = passes;
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Answers the held embeddings requests and the next <paramref name="passes"/>, then holds again.</summary>
    public void ReleaseHeldEmbeddingsThenHoldAfter(int passes)
    {
        lock (_holdGate)
        {
            var held = _release;
            _embeddingPasses = passes;
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            held.TrySetResult();
        }
    }

    /// <summary>Answers the held embeddings requests and every later one.</summary>
    public void ReleaseEmbeddings()
    {
        lock (_holdGate)
        {
            _embeddingPasses = int.MaxValue;
            _release.TrySetResult();
        }
    }

    public static async Task<OpenAiStandIn> StartAsync(int embeddingDimensions = 16)
    {
        await Task.Run(OpenAiSchema.Warm);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new OpenAiStandIn(app) { EmbeddingDimensions = embeddingDimensions };
        app.MapPost("/v1/chat/completions", standIn.ChatAsync);
        app.MapPost("/v1/embeddings", standIn.EmbeddingsAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.BaseUrl = address.TrimEnd('/') + "/v1";
        return standIn;
    }

    public OpenAiStandIn Reply(params OpenAiReply[] replies)
    {
        foreach (var reply in replies)
        {
            _chatReplies.Enqueue(reply);
        }

        return this;
    }

    public OpenAiStandIn ReplyToEmbeddings(params OpenAiReply[] replies)
    {
        foreach (var reply in replies)
        {
            _embeddingReplies.Enqueue(reply);
        }

        return this;
    }

    /// <summary>Every recorded request conforms to the OpenAI schema.</summary>
    public void AssertAllRequestsValid()
    {
        foreach (var request in _requests)
        {
            Xunit.Assert.True(request.SchemaErrors.Count == 0, $"{request.Path} body violates the OpenAI schema: {string.Join(" | ", request.SchemaErrors)}\n{request.Body}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseEmbeddings(); // a held request would keep Kestrel from stopping
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ChatAsync(HttpContext http)
    {
        var (body, text) = await ReadAsync(http);
        Record(http, body, OpenAiSchema.ValidateChatRequest(text));
        var sequence = Interlocked.Increment(ref _chatSequence);
        var reply = _chatReplies.TryDequeue(out var next) ? next : UnscriptedChatReply ?? OpenAiReply.Error(500, "The stand-in has no scripted reply for this request.");
        var model = body.TryGetProperty("model", out var m) ? m.GetString() ?? "" : "";
        var stream = body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        await ChatReplyWriter.WriteAsync(http, reply, model, stream, sequence);
        if (http.RequestAborted.IsCancellationRequested)
        {
            Interlocked.Increment(ref _abortedChats);
        }
    }

    private async Task EmbeddingsAsync(HttpContext http)
    {
        var (body, text) = await ReadAsync(http);
        Record(http, body, OpenAiSchema.ValidateEmbeddingRequest(text));
        if (!await PassAsync(http.RequestAborted))
        {
            return; // the client gave up (or died) while its request was held
        }

        if (_embeddingReplies.TryDequeue(out var reply))
        {
            await ChatReplyWriter.WriteAsync(http, reply, "", stream: false, 0);
            return;
        }

        await ChatReplyWriter.WriteJsonAsync(http.Response, EmbeddingReply.Create(body, EmbeddingDimensions));
    }

    private async Task<bool> PassAsync(CancellationToken aborted)
    {
        Task wait;
        lock (_holdGate)
        {
            if (_embeddingPasses > 0)
            {
                _embeddingPasses = _embeddingPasses == int.MaxValue ? int.MaxValue : _embeddingPasses - 1;
                return true;
            }

            wait = _release.Task;
        }

        Interlocked.Increment(ref _held);
        try
        {
            await wait.WaitAsync(aborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }

    private static async Task<(JsonElement Body, string Text)> ReadAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        using var document = JsonDocument.Parse(text);
        return (document.RootElement.Clone(), text);
    }

    private void Record(HttpContext http, JsonElement body, IReadOnlyList<string> errors)
    {
        var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        _requests.Enqueue(new RecordedRequest(http.Request.Path.Value ?? "", headers, body, errors, Stopwatch.GetTimestamp()));
    }
}
