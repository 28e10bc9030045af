using System.Collections.Concurrent;
using System.Diagnostics;
using RagPapers.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RagPapers.Server.Tests.Campaign;

/// <summary>
/// Thousands of generated malformed requests against the real server: every answer must be a 4xx (a problem
/// document whenever the application answered), and the server must still be ready and answering afterwards.
/// </summary>
[Collection(LoadedServerCollection.Name)]
public sealed class BadInputCampaignTests(LoadedServer fixture, ITestOutputHelper output)
{
    private const int Requests = 5_000;
    // Fixed so a failure reproduces; RAGPAPERS_CAMPAIGN_SEED explores other campaigns.
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("RAGPAPERS_CAMPAIGN_SEED"), out var seed) ? seed : 20_261_126;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Campaign_5000MalformedRequests_AreAll4xxAndTheServerStillAnswers()
    {
        var generator = new MalformedRequests(new Random(Seed));
        var requests = Enumerable.Range(0, Requests).Select(_ => generator.Next()).ToArray();
        var failures = new ConcurrentQueue<string>();
        var tally = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var client = new HttpClient { BaseAddress = fixture.Server.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var budget = new CancellationTokenSource(Budget);
        var watch = Stopwatch.StartNew();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = budget.Token }, async (request, ct) =>
        {
            var (status, verdict) = await SendAsync(client, request, ct);
            tally.AddOrUpdate($"{request.Kind.Split(':')[0],-28} {status}", 1, (_, n) => n + 1);
            if (verdict is not null)
            {
                failures.Enqueue($"{verdict} ← {request}");
            }
        });

        output.WriteLine($"{Requests} requests in {watch.Elapsed.TotalSeconds:F1} s (seed {Seed})");
        foreach (var (key, count) in tally.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{key} × {count}");
        }

        Assert.True(failures.IsEmpty, string.Join('\n', failures.Take(20)));
        await AssertStillAnsweringAsync();
    }

    [Fact]
    public async Task RequestReplayedOverASocket_HeadersOverKestrelsLimit_AnsweredWith431()
    {
        // What the campaign does when HttpClient loses Kestrel's answer to a broken pipe: the replayed bytes must be
        // the request itself, or the campaign would be checking the answer to some other malformed request.
        var request = new MalformedRequest(
            "header abuse", HttpMethod.Post, "/api/ask", """{"question": "barlow twins"}"""u8.ToArray(), "application/json", [new("X-Filler", new string('f', 40_000))]);

        var (status, response) = await RawHttp.SendAsync(fixture.Server.Address, request.ToRawBytes(fixture.Server.Address));

        Assert.True(status == 431, response[..Math.Min(response.Length, 300)]);
    }

    private async Task AssertStillAnsweringAsync()
    {
        using var ready = await fixture.Client.GetAsync(Http.Path("/health/ready"));
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        var answer = await Http.PostJsonAsync(fixture.Client, "/api/ask", """{"question": "How does Barlow Twins avoid collapse?"}""");
        Assert.Equal("answered", answer.GetProperty("status").GetString());
    }

    // The one answer outside 4xx: Kestrel's request-line parser refuses an HTTP version that does not exist
    // ("HTTP/9.9") with 505 before any application code runs. RFC 9110 §15.6.6 names that status for exactly this
    // case and Kestrel has no option to change it; every other malformed request line gets a 400.
    private static bool IsKestrelVersionRefusal(MalformedRequest request, int status) =>
        request.Kind == RawRequests.UnknownVersionKind && status == 505;

    /// <summary>The status, and why it is wrong (null when it is a proper refusal).</summary>
    private async Task<(int Status, string? Verdict)> SendAsync(HttpClient client, MalformedRequest request, CancellationToken cancellationToken)
    {
        if (request.Raw is not null)
        {
            var (raw, _) = await RawHttp.SendAsync(fixture.Server.Address, request.Raw, cancellationToken);
            return (raw, raw is >= 400 and < 500 || IsKestrelVersionRefusal(request, raw) ? null : $"raw answer {raw}");
        }

        using var message = new HttpRequestMessage(request.Method, Http.Path(request.Path));
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }

        foreach (var (name, value) in request.Headers ?? [])
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage sent;
        try
        {
            sent = await client.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.InnerException is IOException)
        {
            // Kestrel answers a request whose headers are over its limits (431) and closes the connection without
            // reading the body; HttpClient, still sending the body, may then see the broken pipe and not the answer.
            // The same bytes over a socket read what the server said.
            var (raw, _) = await RawHttp.SendAsync(fixture.Server.Address, request.ToRawBytes(fixture.Server.Address), cancellationToken);
            return (raw, raw is >= 400 and < 500 ? null : $"raw answer {raw} to the request whose connection closed mid-send ({ex.InnerException.Message})");
        }

        using var response = sent;
        var status = (int)response.StatusCode;
        if (status is < 400 or >= 500)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (status, $"{status} {body[..Math.Min(body.Length, 300)]}");
        }

        var type = response.Content.Headers.ContentType?.MediaType;
        return (status, type is null or "application/problem+json" ? null : $"{status} answered as {type}");
    }
}
