using System.Net;
using System.Text.Json;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Endpoints;

[Collection(LoadedServerCollection.Name)]
public sealed class HealthAndDocumentTests(LoadedServer fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Live_Always_IsHealthy()
    {
        var sut = await Http.GetJsonAsync(_client, "/health/live");

        Assert.Equal("Healthy", sut.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_AfterStartUp_ReportsStoreCollectionAndLlm()
    {
        var sut = await Http.GetJsonAsync(_client, "/health/ready");

        Assert.Equal("Healthy", sut.GetProperty("status").GetString());
        var checks = sut.GetProperty("checks");
        Assert.Equal("516 papers loaded.", checks.GetProperty("collection").GetProperty("description").GetString());
        Assert.Equal("516 papers, 516 chunks.", checks.GetProperty("store").GetProperty("description").GetString());
        Assert.Contains("no LLM to reach", checks.GetProperty("llm").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryEndpointAndItsErrors()
    {
        var sut = await Http.GetJsonAsync(_client, "/openapi/v1.json");

        var paths = sut.GetProperty("paths");
        string[] expected =
        [
            "/api/ask", "/api/ask/stream", "/api/search", "/api/papers", "/api/papers/{id}", "/api/papers/{id}/similar",
            "/api/ingest", "/health/live", "/health/ready", "/metrics",
        ];
        Assert.All(expected, path => Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing"));
        var askResponses = paths.GetProperty("/api/ask").GetProperty("post").GetProperty("responses");
        Assert.All(new[] { "200", "400", "401", "404", "413", "415", "429", "503" }, code => Assert.True(askResponses.TryGetProperty(code, out _), $"/api/ask {code}"));
        var ingest = paths.GetProperty("/api/ingest").GetProperty("post");
        Assert.True(ingest.GetProperty("responses").TryGetProperty("403", out _));
        Assert.True(ingest.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/x-ndjson", out _));
        Assert.True(sut.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
        Assert.Contains("application/problem+json", ProblemMediaTypes(askResponses.GetProperty("400")));
    }

    [Fact]
    public async Task OpenApi_AskRequestSchema_NamesTheFields()
    {
        var sut = await Http.GetJsonAsync(_client, "/openapi/v1.json");

        var properties = sut.GetProperty("components").GetProperty("schemas").GetProperty("AskRequest").GetProperty("properties");
        Assert.Equal(["question", "conversationId", "filters", "writer"], properties.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task OpenApi_Filters_OfferIncludeUndatedInAskAndSearch()
    {
        var sut = await Http.GetJsonAsync(_client, "/openapi/v1.json");

        var filters = sut.GetProperty("components").GetProperty("schemas").GetProperty("AskFilters").GetProperty("properties");
        Assert.Equal(["from", "to", "source", "includeUndated"], filters.EnumerateObject().Select(p => p.Name));
        var search = sut.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("parameters");
        Assert.Contains("includeUndated", search.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var searchResponse = sut.GetProperty("components").GetProperty("schemas").GetProperty("SearchResponse").GetProperty("properties");
        Assert.True(searchResponse.TryGetProperty("undatedExcluded", out _), searchResponse.ToString());
    }

    [Fact]
    public async Task UnknownPath_Is404Problem()
    {
        using var response = await _client.GetAsync(Http.Path("/api/nothing-here"));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "/openapi/v1.json");
    }

    [Fact]
    public async Task WrongMethod_Is405Problem()
    {
        using var response = await _client.DeleteAsync(Http.Path("/api/ask"));

        await Problem.AssertAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Metrics_AfterAnswersAndARefusal_ExposeCountersTimingsAndHttpLatency()
    {
        await Http.PostJsonAsync(_client, "/api/ask", """{"question": "masked autoencoders for medical imaging"}""");
        await Http.PostJsonAsync(_client, "/api/ask", """{"question": "How do I fix a flat bicycle tyre?"}""");

        var sut = await ScrapeUntilAsync(text => text.Contains("ragpapers_answers_total{", StringComparison.Ordinal)
            && text.Contains("ragpapers_refusals_total{", StringComparison.Ordinal));

        Assert.Contains("status=\"answered\"", sut, StringComparison.Ordinal);
        Assert.Contains("status=\"no_evidence\"", sut, StringComparison.Ordinal);
        Assert.Contains("ragpapers_refusals_total{", sut, StringComparison.Ordinal);
        Assert.Contains("ragpapers_retrieval_duration_milliseconds_bucket", sut, StringComparison.Ordinal);
        Assert.Contains("ragpapers_answer_duration_milliseconds_bucket", sut, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", sut, StringComparison.Ordinal);
    }

    private static IEnumerable<string> ProblemMediaTypes(JsonElement response) =>
        response.GetProperty("content").EnumerateObject().Select(p => p.Name);

    private async Task<string> ScrapeUntilAsync(Func<string, bool> done)
    {
        // The exporter caches a scrape briefly; a few tries cover it.
        for (var attempt = 0; ; attempt++)
        {
            var text = await _client.GetStringAsync(Http.Path("/metrics"));
            if (done(text) || attempt == 40)
            {
                return text;
            }

            await Task.Delay(100);
        }
    }
}
