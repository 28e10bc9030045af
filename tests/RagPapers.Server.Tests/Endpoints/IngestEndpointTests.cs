using System.Net;
using System.Text;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Endpoints;

public sealed class IngestEndpointTests(IngestServer fixture) : IClassFixture<IngestServer>
{
    private readonly RunningServer _server = fixture.Server;

    [Fact]
    public async Task Ingest_JsonLinesWithABrokenLine_AddsTheGoodOnesAndNamesTheBadLine()
    {
        var body = string.Join('\n',
            """{"id": "2402.00010", "title": "Diffusion Models for Protein Design", "abstract": "Diffusion models generate protein backbones that fold as designed.", "update_date": "2024-02-01"}""",
            """{"id": "2402.00011", "title": "broken""",
            """{"id": "2402.00012", "title": "Retrieval for Code Completion", "abstract": "Retrieving similar code makes completion more accurate.", "update_date": "2024-02-02"}""");

        var sut = await PostAsync("/api/ingest?name=february.jsonl", body, "application/x-ndjson");

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
        var summary = await Http.ReadJsonAsync(sut);
        Assert.Equal((3, 2, 1), (summary.GetProperty("read").GetInt32(), summary.GetProperty("added").GetInt32(), summary.GetProperty("skipped").GetInt32()));
        var diagnostic = Assert.Single(summary.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("february.jsonl", diagnostic.GetProperty("file").GetString());
        Assert.Equal(2, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(["added", "skipped", "added"], summary.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));

        var paper = await Http.GetJsonAsync(_server.Client, "/api/papers/2402.00010");
        Assert.Equal("february.jsonl", paper.GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("arXiv:2402.00040v2")]
    [InlineData("2402.00040v1")]
    public async Task GetPaper_ArxivIdInAnotherWrittenForm_IsThatPaper(string reference)
    {
        var body = """{"id": "2402.00040", "title": "Sparse Mixtures of Experts", "abstract": "Routing tokens to a few experts saves compute.", "update_date": "2024-02-04"}""";
        using (var ingest = await PostAsync("/api/ingest?name=experts.jsonl", body, "application/x-ndjson"))
        {
            Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        }

        var paper = await Http.GetJsonAsync(_server.Client, "/api/papers/" + Uri.EscapeDataString(reference));
        var similar = await Http.GetJsonAsync(_server.Client, "/api/papers/" + Uri.EscapeDataString(reference) + "/similar");

        Assert.Equal("2402.00040", paper.GetProperty("id").GetString());
        Assert.Equal("2402.00040", similar.GetProperty("paperId").GetString());
    }

    [Fact]
    public async Task Ingest_SameFileTwice_SecondTimeEverythingIsUnchanged()
    {
        var body = """{"id": "2402.00020", "title": "Tabular Foundation Models", "abstract": "A transformer pre-trained on synthetic tables predicts real ones.", "update_date": "2024-02-03"}""";
        using var first = await PostAsync("/api/ingest?name=tables.jsonl", body, "application/x-ndjson");

        using var sut = await PostAsync("/api/ingest?name=tables.jsonl", body, "application/x-ndjson");

        var summary = await Http.ReadJsonAsync(sut);
        Assert.Equal((0, 1), (summary.GetProperty("added").GetInt32(), summary.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task Ingest_BibTexWithoutName_IsDetectedFromContentAndSearchable()
    {
        const string bib = """
            @article{kim2024,
              title = {Quantum Error Correction with Surface Codes},
              author = {Kim, Jane and Park, Lee},
              year = {2024},
              abstract = {Surface codes protect logical qubits against local noise with a threshold near one percent.}
            }
            """;

        using var sut = await PostAsync("/api/ingest", bib, "application/x-bibtex");

        Assert.Equal(1, (await Http.ReadJsonAsync(sut)).GetProperty("added").GetInt32());
        var search = await Http.GetJsonAsync(_server.Client, "/api/search?q=surface%20codes%20qubits&top=1");
        Assert.Equal("Quantum Error Correction with Surface Codes", search.GetProperty("results")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Ingest_AfterTheSameSearch_TheSearchSeesTheNewPaper()
    {
        const string search = "/api/search?q=photonic%20neuromorphic%20chips&top=3";
        var before = await Http.GetJsonAsync(_server.Client, search);
        var body = """{"id": "2402.00030", "title": "Photonic Neuromorphic Chips", "abstract": "Photonic chips run neuromorphic networks at the speed of light.", "update_date": "2024-02-05"}""";

        using var ingest = await PostAsync("/api/ingest?name=photonics.jsonl", body, "application/x-ndjson");
        var after = await Http.GetJsonAsync(_server.Client, search);

        Assert.DoesNotContain(before.GetProperty("results").EnumerateArray(), r => r.GetProperty("paperId").GetString() == "2402.00030");
        Assert.Equal("2402.00030", after.GetProperty("results")[0].GetProperty("paperId").GetString());
    }

    [Theory]
    [InlineData("\u0000\u0001\u0002binary\u0000", "binary file")]
    [InlineData("just some words that are no collection", "unrecognized format")]
    public async Task Ingest_FileWithoutPapers_Is400WithTheReason(string body, string reason)
    {
        using var sut = await PostAsync("/api/ingest?name=junk.txt", body, "text/plain");

        await Problem.AssertAsync(sut, HttpStatusCode.BadRequest, reason);
    }

    [Fact]
    public async Task Ingest_CurlsDefaultFormContentType_IsReadByContent()
    {
        var body = """{"id": "2402.00040", "title": "Soft Robots That Swim", "abstract": "Soft actuators let robots swim like fish.", "update_date": "2024-02-06"}""";

        using var sut = await PostAsync("/api/ingest?name=robots.jsonl", body, "application/x-www-form-urlencoded");

        Assert.Equal(1, (await Http.ReadJsonAsync(sut)).GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task Ingest_EmptyBody_Is400()
    {
        using var sut = await PostAsync("/api/ingest", "", "text/plain");

        await Problem.AssertAsync(sut, HttpStatusCode.BadRequest, "body is empty");
    }

    [Theory]
    [InlineData("../escape.jsonl")]
    [InlineData("folder%2Fpapers.jsonl")]
    [InlineData(".hidden")]
    public async Task Ingest_NameThatIsNotAPlainFileName_Is400(string name)
    {
        using var sut = await PostAsync($"/api/ingest?name={name}", TinyCollection.Lines[0], "application/x-ndjson");

        await Problem.AssertAsync(sut, HttpStatusCode.BadRequest, "plain file name");
    }

    [Fact]
    public async Task Ingest_BodyOverMaxIngestBodyBytes_Is413()
    {
        using var sut = await PostAsync("/api/ingest?name=big.txt", new string('x', 5000), "text/plain");

        await Problem.AssertAsync(sut, HttpStatusCode.RequestEntityTooLarge);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body, string contentType) =>
        _server.Client.PostAsync(Http.Path(path), new StringContent(body, Encoding.UTF8, contentType));
}
