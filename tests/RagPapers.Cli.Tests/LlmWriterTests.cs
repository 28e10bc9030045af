using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using RagPapers.Testing.OpenAi;

namespace RagPapers.Cli.Tests;

/// <summary>The console with an LLM configured through RAGPAPERS_Chat__* variables, against the loopback stand-in.</summary>
[Collection(IngestedStoreCollection.Name)]
public sealed class LlmWriterTests(IngestedStore store) : IAsyncLifetime
{
    private const string Question = "How does Barlow Twins avoid collapse in self-supervised learning?";

    private OpenAiStandIn _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiStandIn.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AskJson_WriterLlm_AnswersWithTheModelsTextAndOnlyCitedSources()
    {
        _server.Reply(OpenAiReply.Text("Barlow Twins makes the cross-correlation of two views close to the identity [1]."));

        var result = await CliProcess.RunAsync(["ask", Question, "--writer", "llm", "--json", "--store", store.Path], environment: LlmEnvironment(_server.BaseUrl));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("llm", json.RootElement.GetProperty("writer").GetString());
        Assert.Equal("Barlow Twins makes the cross-correlation of two views close to the identity [1].", json.RootElement.GetProperty("answer").GetString());
        var citation = Assert.Single(json.RootElement.GetProperty("citations").EnumerateArray());
        Assert.Contains("Barlow Twins", citation.GetProperty("title").GetString(), StringComparison.Ordinal);
        var request = Assert.Single(_server.ChatRequests);
        _server.AssertAllRequestsValid();
        Assert.Equal("llama3.1:8b", request.Body.GetProperty("model").GetString());
        Assert.Contains(Question, request.MessageContent(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WriterExtractiveWithLlmConfigured_NeverCallsTheModel()
    {
        var result = await CliProcess.RunAsync(["ask", Question, "--writer", "extractive", "--json", "--store", store.Path], environment: LlmEnvironment(_server.BaseUrl));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"writer\": \"extractive\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Ask_WriterLlmWithoutAChatModel_ExitsTwoNamingTheSettings()
    {
        var result = await CliProcess.RunAsync(["ask", Question, "--writer", "llm", "--store", store.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("The llm writer needs Chat:Provider \"OpenAI\" with Chat:Endpoint and Chat:Model", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_LlmUnreachable_PrintsTheExtractiveAnswerWithAOneLineNotice()
    {
        var environment = LlmEnvironment($"http://127.0.0.1:{ClosedPort()}/v1");
        environment["RAGPAPERS_Chat__MaxRetries"] = "0";

        var result = await CliProcess.RunAsync(["ask", Question, "--store", store.Path], environment: environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("(LLM unreachable; showing the extractive answer)\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Sources:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repl_WriterCommand_SwitchesWritersAndStreamsTheLlmAnswer()
    {
        // The llm question follows an extractive turn, so the model first rewrites it into a standalone question.
        _server.Reply(OpenAiReply.Text(Question), OpenAiReply.Text("Barlow Twins reduces redundancy between embedding components [1]."));
        var input = $"/writer\n/writer extractive\n{Question}\n/writer llm\n{Question}\n/writer gpt\n/quit\n";

        var result = await CliProcess.RunAsync(["--store", store.Path], input, LlmEnvironment(_server.BaseUrl));

        Assert.True(result.ExitCode == 0, result.ToString());
        var output = result.StandardOutput;
        Assert.Contains("Answers are written by llm; available: extractive, llm.", output, StringComparison.Ordinal);
        Assert.Contains("Answers are now written by extractive.", output, StringComparison.Ordinal);
        Assert.Contains("Answers are now written by llm.", output, StringComparison.Ordinal);
        Assert.True(output.Contains("Barlow Twins reduces redundancy between embedding components [1].\n", StringComparison.Ordinal), result.ToString());
        Assert.Contains("The answer writer 'gpt' is not available", output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split("Sources:").Length - 1);
        Assert.Equal([false, true], _server.ChatRequests.Select(r => r.IsStreaming));
        Assert.DoesNotContain("LLM", output, StringComparison.Ordinal); // no fallback notice
    }

    private static Dictionary<string, string> LlmEnvironment(string endpoint) => new()
    {
        ["RAGPAPERS_Chat__Provider"] = "OpenAI",
        ["RAGPAPERS_Chat__Endpoint"] = endpoint,
        ["RAGPAPERS_Chat__Model"] = "llama3.1:8b",
        ["RAGPAPERS_Chat__UseTools"] = "Off",
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
