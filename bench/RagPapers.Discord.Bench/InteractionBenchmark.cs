using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using RagPapers.Configuration;
using RagPapers.Discord.Hosting;
using RagPapers.Hosting;
using RagPapers.Indexing;

namespace RagPapers.Discord.Bench;

/// <summary>
/// The bot on real Kestrel (loopback) over the bundled collection, with Discord's webhook routes served by the
/// same app: latency of a signed PING, of the deferred acknowledgement of /ask (Discord allows 3 s), and of the
/// finished answer arriving as the webhook edit.
/// </summary>
internal static class InteractionBenchmark
{
    private static readonly string[] Questions =
    [
        "How can self-supervised learning help speaker verification?",
        "Which papers use contrastive learning for video?",
        "masked autoencoders for medical imaging",
        "knowledge distillation from a teacher network",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var (key, publicHex) = NewKey();
        var port = FreePort();
        var store = Path.Combine(Path.GetTempPath(), $"ragpapers-discord-bench-{Environment.ProcessId}.db");
        var root = ContentRoot.Locate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddRagPapersSources(root, new Dictionary<string, string?>
        {
            ["Store:Sqlite:Path"] = store,
            ["Embeddings:Provider"] = "Local",
            ["Discord:PublicKey"] = publicHex,
            ["Discord:ApiBaseUrl"] = $"http://127.0.0.1:{port}/api/v10",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddRagPapers(builder.Configuration, root).AddRagPapersDiscord(builder.Configuration);
        await using var app = builder.Build();
        var sink = new WebhookSink();
        sink.Map(app);
        app.MapDiscordInteractions();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await AskAsync(http, key, sink, Questions[0]); // the worker loads the collection before the first answer
            await app.Services.GetRequiredService<SemanticIndexer>().CompleteAsync(); // and its vectors follow: measure hybrid answers
            await MeasureAsync("PING → PONG", iterations, async _ => (await PostAsync(http, key, """{"type":1,"id":"1","application_id":"1","token":"t"}""")).Ack);
            var answers = new double[iterations];
            await MeasureAsync("/ask → deferred reply (Discord allows 3000 ms)", iterations, async i =>
            {
                var (ack, answered) = await AskAsync(http, key, sink, Questions[i % Questions.Length]);
                answers[i] = answered;
                return ack;
            });
            Report("/ask → answer edited in (end to end)", answers);
            return 0;
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(store + suffix);
            }
        }
    }

    private static async Task<(double Ack, double Answered)> AskAsync(HttpClient http, Ed25519PrivateKeyParameters key, WebhookSink sink, string question)
    {
        var token = Guid.NewGuid().ToString("N");
        var body = $$$"""{"type":2,"id":"1","application_id":"1","token":"{{{token}}}","channel_id":"{{{token}}}","data":{"name":"ask","type":1,"options":[{"name":"question","type":3,"value":"{{{question}}}"}]}}""";
        var (ack, started) = await PostAsync(http, key, body);
        var edited = await sink.EditOf(token).WaitAsync(TimeSpan.FromSeconds(60));
        return (ack, Stopwatch.GetElapsedTime(started, edited).TotalMilliseconds);
    }

    private static async Task<(double Ack, long Started)> PostAsync(HttpClient http, Ed25519PrivateKeyParameters key, string json)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(json);
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, key);
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(bytes).ToArray();
        signer.BlockUpdate(message, 0, message.Length);
        using var content = new ByteArrayContent(bytes);
        content.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(signer.GenerateSignature()));
        content.Headers.Add("X-Signature-Timestamp", timestamp);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync("/discord/interactions", content);
        var ack = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"the bot answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (ack, started);
    }

    private static async Task MeasureAsync(string name, int iterations, Func<int, Task<double>> run)
    {
        for (var i = 0; i < 20; i++)
        {
            await run(i % iterations); // warm-up: JIT, connection, caches
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            samples[i] = await run(i);
        }

        Report(name, samples);
    }

    private static void Report(string name, double[] samples)
    {
        var sorted = samples.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: p50 {sorted[sorted.Length / 2]:0.00} ms, p95 {sorted[(int)(sorted.Length * 0.95)]:0.00} ms, max {sorted[^1]:0.00} ms (n={sorted.Length})"));
    }

    private static (Ed25519PrivateKeyParameters Key, string PublicHex) NewKey()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        return ((Ed25519PrivateKeyParameters)pair.Private, Convert.ToHexStringLower(((Ed25519PublicKeyParameters)pair.Public).GetEncoded()));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
