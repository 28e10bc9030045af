using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Embeddings;
using RagPapers.Papers;
using RagPapers.Server.Tests.Infrastructure;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Server.Tests.Reliability;

/// <summary>What a file, a second process or a hostile abstract does to a running server: a diagnostic or a 503, never a 500 or stale data.</summary>
public sealed class HostileInputTests(HostileServer fixture) : IClassFixture<HostileServer>
{
    private readonly RunningServer _server = fixture.Server;

    [Fact]
    public async Task Ingest_LoneSurrogateInOneRecord_200WithThatLineSkippedAndTheOtherAdded()
    {
        var body = """{"id":"2403.00001","title":"Bad \ud800 title","abstract":"An abstract."}""" + "\n"
            + """{"id":"2403.00002","title":"Graph Sparsifiers at Scale","abstract":"Sparsifiers keep cuts of huge graphs."}""" + "\n";

        using var response = await PostAsync("/api/ingest?name=surrogate.jsonl", body);

        var summary = await Http.ReadJsonAsync(response);
        Assert.Equal((1, 1), (summary.GetProperty("added").GetInt32(), summary.GetProperty("skipped").GetInt32()));
        Assert.Equal(1, Assert.Single(summary.GetProperty("diagnostics").EnumerateArray()).GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Responses_AbstractWithScriptTag_EscapedJsonAndNoSniffOnEveryResponse()
    {
        const string body = """{"id":"2403.00010","title":"Scripted Title","abstract":"Hostile <script>alert(1)</script> abstract about tokenizers."}""";
        using (var ingest = await PostAsync("/api/ingest?name=script.jsonl", body))
        {
            Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        }

        using var paper = await _server.Client.GetAsync(Http.Path("/api/papers/2403.00010"));
        using var missing = await _server.Client.GetAsync(Http.Path("/api/papers/none"));
        using var bad = await _server.Client.PostAsync(Http.Path("/api/ask"), Http.Json("{"));

        var text = await paper.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003E", text, StringComparison.Ordinal);
        foreach (var response in new[] { paper, missing, bad })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task Ask_JsonWithAnEmptyCharset_415NotA500()
    {
        using var content = new StringContent("""{"question": "graphs"}""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=");

        using var response = await _server.Client.PostAsync(Http.Path("/api/ask"), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Ingest_StoreLockedByAnotherProcess_503WithRetryAfter()
    {
        using var other = new SqliteConnection($"Data Source={_server.StorePath};Pooling=False");
        other.Open();
        using var holding = other.BeginTransaction(); // the write lock, as another process's ingest holds it

        using var response = await PostAsync("/api/ingest?name=locked.jsonl", """{"id":"2403.00020","title":"Locked Out","abstract":"Written while locked."}""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("locked by another process", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_AfterAnotherProcessWritesTheStore_NewAndUpdatedPapersServedWithinASecond()
    {
        var embedder = _server.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        await using var other = new SqlitePaperIndex(_server.StorePath, NullLogger<SqlitePaperIndex>.Instance);
        await other.OpenAsync(await embedder.DescribeAsync());
        using (await _server.Client.GetAsync(Http.Path("/api/search?q=holography%20depth"))) // every cache warm
        {
        }

        await WriteAsync(other, embedder, "Holographic Displays", "Holography renders depth without glasses.");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal("Holography renders depth without glasses.", await FirstPassageAsync("holography depth"));

        await WriteAsync(other, embedder, "Holographic Displays", "Holography now renders colour depth on phones.");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal("Holography now renders colour depth on phones.", await FirstPassageAsync("holography depth"));
        var paper = await Http.GetJsonAsync(_server.Client, "/api/papers/2403.00030");
        Assert.Equal("Holography now renders colour depth on phones.", paper.GetProperty("abstract").GetString());
    }

    private async Task<string?> FirstPassageAsync(string query)
    {
        var search = await Http.GetJsonAsync(_server.Client, "/api/search?top=3&q=" + Uri.EscapeDataString(query));
        var hit = search.GetProperty("results").EnumerateArray().FirstOrDefault(r => r.GetProperty("paperId").GetString() == "2403.00030");
        return hit.ValueKind == System.Text.Json.JsonValueKind.Undefined ? null : hit.GetProperty("passages")[0].GetProperty("text").GetString();
    }

    private static async Task WriteAsync(SqlitePaperIndex index, IEmbeddingGenerator<string, Embedding<float>> embedder, string title, string abstractText)
    {
        const string Id = "2403.00030";
        var paper = new Paper(Id, title, abstractText, [], null, "other-process.jsonl", Id);
        var vector = (await embedder.GenerateAsync([title + ". " + abstractText]))[0].Vector;
        var chunk = new IndexedChunk(new Chunk(Id, 0, abstractText), vector);
        await index.UpsertAsync([new PaperDocument(paper, PaperHashing.ContentHash(paper), [chunk])]);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        _server.Client.PostAsync(Http.Path(path), new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
}
