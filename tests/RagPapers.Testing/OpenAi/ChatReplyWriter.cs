using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RagPapers.Testing.OpenAi;

/// <summary>Writes a scripted reply in the chat completions wire format (PROTOCOLS.md §3), whole or as SSE.</summary>
internal static class ChatReplyWriter
{
    private const int ChunkChars = 7;
    private const string Id = "chatcmpl-standin";

    public static async Task WriteAsync(HttpContext http, OpenAiReply reply, string model, bool stream, int sequence)
    {
        var response = http.Response;
        var aborted = http.RequestAborted;
        switch (reply.Kind)
        {
            case OpenAiReplyKind.Error:
                response.StatusCode = reply.Status;
                if (reply.RetryAfter is not null)
                {
                    response.Headers.RetryAfter = reply.RetryAfter;
                }

                await WriteJsonAsync(response, new JsonObject { ["error"] = new JsonObject { ["message"] = reply.Content, ["type"] = "server_error", ["param"] = null, ["code"] = null } });
                return;
            case OpenAiReplyKind.StallBeforeHeaders:
                await Task.Delay(Timeout.Infinite, aborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case OpenAiReplyKind.Malformed when !stream:
                response.ContentType = "application/json";
                await response.WriteAsync("{\"id\": \"chatcmpl-1\", \"choices\": [ {\"message\": ", aborted);
                return;
        }

        if (!stream)
        {
            await WriteJsonAsync(response, Completion(reply, model, sequence));
            return;
        }

        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await response.Body.FlushAsync(aborted);
        var sent = 0;
        foreach (var chunk in Chunks(reply, model, sequence))
        {
            if (reply.ChunkDelay > TimeSpan.Zero && !await PauseAsync(reply.ChunkDelay, aborted))
            {
                return; // the client went away while the reply was being "written"
            }

            await SendAsync(response, chunk.ToJsonString(), aborted);
            if (reply.Kind == OpenAiReplyKind.StallMidStream && ++sent == 2) // the role chunk and one content chunk
            {
                await Task.Delay(Timeout.Infinite, aborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }
        }

        if (reply.Kind == OpenAiReplyKind.Malformed)
        {
            await SendAsync(response, "{\"id\": not json", aborted);
        }

        await response.WriteAsync(": ping\n\n", aborted); // SSE comment: clients must ignore it
        await SendAsync(response, "[DONE]", aborted);
    }

    private static JsonObject Completion(OpenAiReply reply, string model, int sequence)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.Kind == OpenAiReplyKind.ToolCalls ? null : reply.Content };
        if (reply.Kind == OpenAiReplyKind.ToolCalls)
        {
            message["tool_calls"] = new JsonArray(reply.Calls!.Select((c, i) => (JsonNode)ToolCall(c, i, sequence)).ToArray());
        }

        return new JsonObject
        {
            ["id"] = Id, ["object"] = "chat.completion", ["created"] = 1_700_000_000, ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = FinishReason(reply) }),
            ["usage"] = Usage(),
        };
    }

    private static IEnumerable<JsonObject> Chunks(OpenAiReply reply, string model, int sequence)
    {
        yield return Chunk(model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
        if (reply.Kind == OpenAiReplyKind.ToolCalls)
        {
            for (var i = 0; i < reply.Calls!.Count; i++)
            {
                var (name, arguments) = reply.Calls[i];
                var half = arguments.Length / 2;
                var first = new JsonObject { ["index"] = i, ["id"] = CallId(sequence, i), ["type"] = "function", ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments[..half] } };
                yield return Chunk(model, new JsonObject { ["tool_calls"] = new JsonArray(first) }, null);
                var rest = new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = arguments[half..] } };
                yield return Chunk(model, new JsonObject { ["tool_calls"] = new JsonArray(rest) }, null);
            }
        }
        else
        {
            for (var i = 0; i < reply.Content.Length; i += ChunkChars)
            {
                var piece = reply.Content.Substring(i, Math.Min(ChunkChars, reply.Content.Length - i));
                yield return Chunk(model, new JsonObject { ["content"] = piece }, null);
            }
        }

        yield return Chunk(model, new JsonObject(), FinishReason(reply));
        var usage = new JsonObject { ["id"] = Id, ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = model, ["choices"] = new JsonArray(), ["usage"] = Usage() };
        yield return usage;
    }

    private static JsonObject Chunk(string model, JsonObject delta, string? finishReason) => new()
    {
        ["id"] = Id, ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    };

    private static JsonObject ToolCall((string Name, string Arguments) call, int index, int sequence) => new()
    {
        ["id"] = CallId(sequence, index), ["type"] = "function", ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
    };

    private static string CallId(int sequence, int index) => $"call_{sequence}_{index}";

    private static string FinishReason(OpenAiReply reply) => reply.Kind == OpenAiReplyKind.ToolCalls ? "tool_calls" : "stop";

    private static JsonObject Usage() => new() { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 };

    private static async Task<bool> PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        return !cancellationToken.IsCancellationRequested;
    }

    private static async Task SendAsync(HttpResponse response, string data, CancellationToken cancellationToken)
    {
        await response.WriteAsync("data: " + data + "\n\n", Encoding.UTF8, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    internal static async Task WriteJsonAsync(HttpResponse response, JsonNode body)
    {
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString(), Encoding.UTF8);
    }
}
