using System.Text.Json;
using RagPapers.Testing.OpenAi;

namespace RagPapers.Cli.Tests;

/// <summary>
/// The semantic index built in the background, with an embeddings endpoint (the loopback stand-in) that holds its
/// replies until the test lets them go: answers while the vectors are being computed, after, and across a kill -9.
/// </summary>
public sealed class BackgroundIndexingTests : IAsyncLifetime
{
    private const string Question = "How does Barlow Twins avoid collapse?";
    private const string EndpointEmbedder = "openai/nomic-embed-text 32";

    private readonly TempFolder _folder = new();
    private OpenAiStandIn _server = null!;
    private string _collection = "";

    private string Store => _folder.File("store.db");

    public async Task InitializeAsync()
    {
        _server = await OpenAiStandIn.StartAsync(embeddingDimensions: 32);
        _collection = await SmallCollection.WriteAsync(_folder);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Chat_FirstRunWhileVectorsAreHeldThenAfter_KeywordAnswerWithTheNoticeThenHybridWithoutRestart()
    {
        _server.HoldEmbeddingsAfter(1); // the dimension probe when the store opens; every batch of vectors waits
        using var chat = CliProcess.Start(["--store", Store], Endpoint());
        await chat.WaitForOutputAsync("(semantic index 0/6: the vectors are being computed in the background", TimeSpan.FromSeconds(60));
        await WaitUntilAsync(() => _server.HeldEmbeddingRequests == 1, chat);

        await chat.WriteAsync(Question + "\n");
        await chat.WaitForOutputAsync("Sources:", TimeSpan.FromSeconds(30));
        var whileHeld = chat.StandardOutput;
        _server.ReleaseEmbeddings();
        await WaitForStatusAsync(chat, "semantic index 6/6: complete");
        await chat.WriteAsync(Question + "\n/quit\n");
        var result = await chat.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(semantic index 0/6: keyword results only for now)", whileHeld, StringComparison.Ordinal);
        Assert.Contains("Barlow Twins", whileHeld, StringComparison.Ordinal);
        var afterCompletion = result.StandardOutput[result.StandardOutput.IndexOf("(semantic index complete: 6/6", StringComparison.Ordinal)..];
        Assert.Contains("Sources:", afterCompletion, StringComparison.Ordinal);
        Assert.DoesNotContain("keyword results only", afterCompletion, StringComparison.Ordinal);
        Assert.Equal([Question], _server.EmbeddingRequests[^1].EmbeddingInputs); // hybrid: the question itself was embedded
        _server.AssertAllRequestsValid();
    }

    [Fact]
    public async Task Chat_VectorsComputedBetweenPrompts_ShowsTheProgressLineBeforeTheNextPrompt()
    {
        _server.HoldEmbeddingsAfter(1); // the dimension probe; the first batch waits
        using var chat = CliProcess.Start(["--store", Store], Endpoint());
        await chat.WaitForOutputAsync("(semantic index 0/6: the vectors are being computed in the background", TimeSpan.FromSeconds(60));
        await WaitUntilAsync(() => _server.HeldEmbeddingRequests == 1, chat);

        _server.ReleaseHeldEmbeddingsThenHoldAfter(0); // one batch of two chunks goes through; the next one waits
        await WaitUntilAsync(() => _server.HeldEmbeddingRequests == 1 && _server.EmbeddingRequests.Count == 3, chat);
        await chat.WriteAsync("\n"); // an empty line is a new prompt: the line before it shows how far the index got
        await chat.WaitForOutputAsync("(semantic index 2/6)", TimeSpan.FromSeconds(30));
        _server.ReleaseEmbeddings();
        await chat.WriteAsync("/quit\n");
        var result = await chat.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(semantic index 2/6)\n", result.StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_KilledWhileABatchIsHeld_TheNextRunEmbedsOnlyTheRestAndTheStoreHoldsOneEmbeddersVectors()
    {
        _server.HoldEmbeddingsAfter(2); // the probe and the first batch of two chunks; the second batch waits
        using (var first = CliProcess.Start(["ingest", _collection, "--store", Store], Endpoint()))
        {
            await WaitUntilAsync(() => _server.HeldEmbeddingRequests == 1, first);
            first.Signal("KILL");
            await first.WaitAsync(TimeSpan.FromSeconds(30));
        }

        var afterKill = SmallCollection.Summary(Store);
        _server.ReleaseEmbeddings();
        var requestsBefore = _server.EmbeddingRequests.Count;
        var ask = await CliProcess.RunAsync(["ask", Question, "--json", "--store", Store], environment: Endpoint());

        Assert.Equal(SmallCollection.Summary(EndpointEmbedder, SmallCollection.Papers, [128, 128]), afterKill);
        Assert.True(ask.ExitCode == 0, ask.ToString());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(ask.StandardOutput).RootElement.GetProperty("notice").ValueKind);
        var resumed = _server.EmbeddingRequests.Skip(requestsBefore).SelectMany(r => r.EmbeddingInputs).ToArray();
        Assert.Equal(4, resumed.Count(text => text != "dimension probe" && text != Question)); // the four chunks the killed run left
        var final = SmallCollection.Inspect(Store);
        Assert.Equal(EndpointEmbedder, final.Embedder);
        Assert.Equal(Enumerable.Repeat(128, SmallCollection.Papers), final.VectorBytes);
    }

    [Fact]
    public async Task Ask_CtrlCWhileWaitingForTheSemanticIndex_Exits130AndKeepsTheBatchesStored()
    {
        _server.HoldEmbeddingsAfter(2);
        using var process = CliProcess.Start(["ask", Question, "--store", Store], Endpoint());
        await WaitUntilAsync(() => _server.HeldEmbeddingRequests == 1, process);

        process.Signal("INT");
        var result = await process.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("semantic index 2/6: stopped; the next run resumes from here.", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, SmallCollection.Inspect(Store).VectorBytes.Length);
    }

    [Fact]
    public async Task AskNoWait_FreshStore_AnswersFromKeywordsAtOnceWithTheNotice()
    {
        _server.HoldEmbeddingsAfter(1);

        var result = await CliProcess.RunAsync(["ask", Question, "--json", "--no-wait", "--store", Store], environment: Endpoint());

        Assert.True(result.ExitCode == 0, result.ToString());
        var answer = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal("answered", answer.GetProperty("status").GetString());
        Assert.Equal("semantic index 0/6: keyword results only for now", answer.GetProperty("notice").GetString());
        Assert.Equal(["dimension probe"], _server.EmbeddingRequests.SelectMany(r => r.EmbeddingInputs));
    }

    private Dictionary<string, string> Endpoint() => new()
    {
        ["RAGPAPERS_Embeddings__Provider"] = "OpenAI",
        ["RAGPAPERS_Embeddings__Endpoint"] = _server.BaseUrl,
        ["RAGPAPERS_Embeddings__Model"] = "nomic-embed-text",
        ["RAGPAPERS_Embeddings__BatchSize"] = "2",
        ["RAGPAPERS_Collection__Paths__0"] = _collection,
    };

    private static async Task WaitUntilAsync(Func<bool> condition, CliProcess process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the condition never held.\nstdout:\n{process.StandardOutput}\nstderr:\n{process.StandardError}");
            await Task.Delay(20);
        }
    }

    /// <summary>Asks /status until its answer contains <paramref name="text"/>.</summary>
    private static async Task WaitForStatusAsync(CliProcess chat, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!chat.StandardOutput.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"/status never said '{text}'.\nstdout:\n{chat.StandardOutput}\nstderr:\n{chat.StandardError}");
            await chat.WriteAsync("/status\n");
            await Task.Delay(200);
        }
    }
}
