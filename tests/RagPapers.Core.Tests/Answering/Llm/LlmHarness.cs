using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagPapers.Answering.Assistant;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.Extractive;
using RagPapers.Answering.FollowUps;
using RagPapers.Answering.Llm;
using RagPapers.Configuration;
using RagPapers.Core.Tests.Retrieval;
using RagPapers.Hosting;
using RagPapers.Papers;
using RagPapers.Retrieval;
using RagPapers.Storage;
using RagPapers.Testing.OpenAi;
using RagPapers.Text;

namespace RagPapers.Core.Tests.Answering.Llm;

/// <summary>
/// The LLM writer composed as in production (AddRagPapersLlm: SK kernel, HttpClient pipeline, prompts from the
/// repository's prompts/), pointed at a loopback OpenAI stand-in, over a keyword retriever on sample papers.
/// </summary>
internal sealed class LlmHarness : IAsyncDisposable
{
    public const string Model = "test-model";

    private readonly ServiceProvider _services;

    private LlmHarness(OpenAiStandIn server, ServiceProvider services, FakeRetriever retriever, LogCapture logs)
    {
        Server = server;
        _services = services;
        Retriever = retriever;
        Logs = logs;
    }

    public OpenAiStandIn Server { get; }

    public FakeRetriever Retriever { get; }

    public LogCapture Logs { get; }

    public LlmAnswerWriter Writer => _services.GetRequiredService<LlmAnswerWriter>();

    public PaperAssistant Assistant => _services.GetRequiredService<PaperAssistant>();

    public PromptLibrary Prompts => _services.GetRequiredService<PromptLibrary>();

    public static DateOnly Today => DateOnly.FromDateTime(FixedClock.Today.UtcDateTime);

    /// <summary>Starts a stand-in and the writer; tools are Off unless <paramref name="configure"/> turns them on.</summary>
    public static async Task<LlmHarness> StartAsync(Action<ChatOptions>? configure = null, IReadOnlyList<Paper>? papers = null, string? endpoint = null, TimeProvider? time = null)
    {
        var server = await OpenAiStandIn.StartAsync();
        var collection = papers ?? SamplePapers.All;
        var retriever = FakeRetriever.OverPapers(collection);
        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(time ?? new FixedClock());
        services.AddSingleton(new ContentRoot(TestPaths.RepoRoot));
        services.AddOptions<RetrievalOptions>();
        services.AddOptions<ChatOptions>().Configure(o =>
        {
            o.Provider = ChatOptions.OpenAIProvider;
            o.Endpoint = endpoint ?? server.BaseUrl;
            o.Model = Model;
            o.UseTools = ChatToolUse.Off;
            o.TimeoutSeconds = 10;
            o.MaxRetries = 1;
            o.MaxRetryAfterSeconds = 5;
            configure?.Invoke(o);
        });
        services.AddSingleton<IPaperRetriever>(retriever);
        services.AddSingleton<IPaperIndex>(new FakePaperIndex(collection.Select(p => new PaperDocument(p, "hash", []))));
        services.AddSingleton<FollowUpResolver>();
        services.AddSingleton<IAnswerWriter, ExtractiveAnswerWriter>();
        services.AddRagPapersLlm();
        services.AddSingleton<PaperAssistant>();
        return new LlmHarness(server, services.BuildServiceProvider(), retriever, logs);
    }

    /// <summary>A request whose evidence is exactly <paramref name="papers"/>, best first, relevant.</summary>
    public static AnswerRequest Request(string question, params Paper[] papers) =>
        new(question, question, new RetrievalResult(question, papers.Select((p, i) => SamplePapers.Retrieved(p, 0.9 - (0.1 * i))).ToArray(), HasRelevantEvidence: true));

    /// <summary>The sources block the model must receive for <paramref name="papers"/>, written out by hand (titles and abstracts as displayed: LaTeX cleaned).</summary>
    public static string SourcesBlock(params Paper[] papers) =>
        string.Join("\n\n", papers.Select((p, i) => $"<source n=\"{i + 1}\" id=\"{p.Id}\" date=\"{p.Published:yyyy-MM-dd}\" title=\"{DisplayText.Clean(p.Title)}\">\n{DisplayText.Clean(p.Abstract)}\n</source>"));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
