using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RagPapers.Discord.Bench;

/// <summary>Stands in for Discord's webhook routes inside the benchmarked app and notes when each edit arrives.</summary>
internal sealed class WebhookSink
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _edits = new();

    public Task<long> EditOf(string token) => _edits.GetOrAdd(token, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Map(WebApplication app)
    {
        app.MapMethods("/api/v10/webhooks/{applicationId}/{token}/messages/@original", ["PATCH"], (string token) =>
        {
            _edits.GetOrAdd(token, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(Stopwatch.GetTimestamp());
            return Results.Text("""{"id":"1"}""", "application/json");
        });
        app.MapPost("/api/v10/webhooks/{applicationId}/{token}", () => Results.Text("""{"id":"2"}""", "application/json"));
    }
}
