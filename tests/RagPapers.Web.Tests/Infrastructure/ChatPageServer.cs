using Microsoft.Playwright;
using RagPapers.Testing.OpenAi;

namespace RagPapers.Web.Tests.Infrastructure;

/// <summary>
/// One real server for every page test: Kestrel on 127.0.0.1 port 0, the made-up collection, the hashed embedder,
/// API keys on, and the LLM writer pointed at the loopback OpenAI stand-in, which streams its answers slowly so
/// the page visibly writes them. Chromium is started once, on first use, so the HTTP-only tests need none.
/// </summary>
public sealed class ChatPageServer : IAsyncLifetime
{
    public const string ReaderKey = "reader-7c1f9e2a4b8d6035";
    public const string SpareKey = "spare-0b6d3e9f58a1c274"; // the rate-limit test uses up this one's window
    public const string AdminKey = "admin-3e8a0c5f91d2b746";
    public const int PermitLimit = 100;

    /// <summary>What the model says when a test scripts nothing else: two claims, each citing a source.</summary>
    public const string ModelAnswer =
        "Graph neural networks pass messages over the atoms and bonds of a molecule, and beat fingerprint baselines on five benchmarks [1]. "
        + "Fingerprints remain strong when labelled data are scarce [2].";

    private readonly TempFolder _collection = new();
    private readonly SemaphoreSlim _browserLock = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public OpenAiStandIn Model { get; private set; } = null!;

    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Model = await OpenAiStandIn.StartAsync();
        Model.UnscriptedChatReply = OpenAiReply.SlowText(ModelAnswer, TimeSpan.FromMilliseconds(40));
        Server = await RunningServer.StartAsync(new Dictionary<string, string>
        {
            ["Collection:Paths:0"] = PaperCollection.Write(_collection.Path),
            ["Embeddings:Provider"] = "Local",
            ["Chat:Provider"] = "OpenAI",
            ["Chat:Endpoint"] = Model.BaseUrl,
            ["Chat:Model"] = "llama3.1:8b",
            ["Chat:UseTools"] = "Off",
            ["Chat:MaxRetries"] = "0",
            ["Server:ApiKeys:0"] = ReaderKey,
            ["Server:ApiKeys:1"] = SpareKey,
            ["Server:AdminKeys:0"] = AdminKey,
            ["Server:RateLimit:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Server:RateLimit:WindowSeconds"] = "600",
        });
    }

    /// <summary>A fresh browser context (its own session storage) on the page; with a key, the tab starts with it set.</summary>
    public async Task<PageSession> OpenPageAsync(string? key = ReaderKey, int width = 1280, int height = 800)
    {
        var browser = await BrowserAsync();
        return await PageSession.OpenAsync(browser, Server.Address, key, new ViewportSize { Width = width, Height = height });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
        await Model.DisposeAsync();
        _collection.Dispose();
        _browserLock.Dispose();
    }

    private async Task<IBrowser> BrowserAsync()
    {
        await _browserLock.WaitAsync();
        try
        {
            if (_browser is null)
            {
                Assert.True(Chromium.IsInstalled, Chromium.MissingReason); // reached only under CI, where it must be installed
                // Generous waits: the machine is shared, and an expectation passes as soon as it holds anyway.
                Assertions.SetDefaultExpectTimeout(20_000);
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Chromium.ExecutablePath,
                    Headless = true,
                    Args = Chromium.Arguments,
                });
            }

            return _browser;
        }
        finally
        {
            _browserLock.Release();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ChatPageCollection : ICollectionFixture<ChatPageServer>
{
    public const string Name = "chat page";
}
