using RagPapers.Testing.OpenAi;

namespace RagPapers.Cli.Tests;

/// <summary>Embeddings:Provider OpenAI end to end: ingest and ask through the stand-in, then the local embedder re-embeds the store in place.</summary>
public sealed class EndpointEmbeddingsTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private OpenAiStandIn _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiStandIn.StartAsync(embeddingDimensions: 32);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task IngestAndAsk_EndpointEmbedder_TheLocalOneThenReembedsTheStoreKeepingItsPapers()
    {
        var papers = _folder.File("papers.jsonl");
        await File.WriteAllLinesAsync(papers, [
            """{"id":"2103.03230","title":"Barlow Twins: Self-Supervised Learning via Redundancy Reduction","abstract":"We propose an objective function that avoids collapse by making the cross-correlation matrix of two views close to the identity.","authors":"Jure Zbontar","update_date":"2021-03-04"}""",
            """{"id":"2106.07447","title":"HuBERT: Self-Supervised Speech Representation Learning","abstract":"HuBERT applies a prediction loss over masked regions of speech, with targets from offline clustering.","authors":"Wei-Ning Hsu","update_date":"2021-06-14"}""",
        ]);
        var store = _folder.File("endpoint.db");
        var environment = new Dictionary<string, string>
        {
            ["RAGPAPERS_Embeddings__Provider"] = "OpenAI",
            ["RAGPAPERS_Embeddings__Endpoint"] = _server.BaseUrl,
            ["RAGPAPERS_Embeddings__Model"] = "nomic-embed-text",
        };

        var ingest = await CliProcess.RunAsync(["ingest", papers, "--store", store], environment: environment);
        var ask = await CliProcess.RunAsync(["ask", "How does Barlow Twins avoid collapse?", "--store", store], environment: environment);
        var local = await CliProcess.RunAsync(["ask", "How does Barlow Twins avoid collapse?", "--store", store]);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.True(ask.ExitCode == 0, ask.ToString());
        Assert.Contains("Barlow Twins", ask.StandardOutput, StringComparison.Ordinal);
        Assert.True(_server.EmbeddingRequests.Count >= 3, "probe, chunks and question"); // the dimension probe, the chunks, the question
        _server.AssertAllRequestsValid();
        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Contains("The store was built with embedder 'openai/nomic-embed-text' (32 dims): its 2 chunks are re-embedded with Embeddings:Provider Local", local.StandardError, StringComparison.Ordinal);
        Assert.Contains("Barlow Twins", local.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(SmallCollection.Summary("ragpapers-local/hashed-ngrams-v1 512", 2, [2048, 2048]), SmallCollection.Summary(store));
    }

    [Fact]
    public async Task Ask_EmbeddingsEndpointDown_ExitsOneNamingTheEndpoint()
    {
        _server.ReplyToEmbeddings(OpenAiReply.Error(500, "model crashed"), OpenAiReply.Error(500, "model crashed"));
        var environment = new Dictionary<string, string>
        {
            ["RAGPAPERS_Embeddings__Provider"] = "OpenAI",
            ["RAGPAPERS_Embeddings__Endpoint"] = _server.BaseUrl,
            ["RAGPAPERS_Embeddings__Model"] = "nomic-embed-text",
            ["RAGPAPERS_Embeddings__MaxRetries"] = "1",
        };

        var result = await CliProcess.RunAsync(["ask", "anything", "--store", _folder.File("down.db")], environment: environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: The embeddings endpoint {_server.BaseUrl} (model 'nomic-embed-text') failed: HTTP 500", result.StandardError, StringComparison.Ordinal);
    }
}
