using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace RagPapers.Web.Tests.Infrastructure;

/// <summary>
/// One browser tab on the chat page in its own context (its own session storage), recording every request the
/// page makes, every uncaught script error and every console error (CSP violations are reported there).
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    public const string KeyStorageName = "ragpapers.apiKey";

    private readonly ConcurrentQueue<IRequest> _requests = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private PageSession(IBrowserContext context, IPage page, Uri address)
    {
        Context = context;
        Page = page;
        Address = address;
        page.Request += (_, request) => _requests.Enqueue(request);
        page.PageError += (_, error) => _errors.Enqueue("page error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue("console: " + message.Text);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public Uri Address { get; }

    public IReadOnlyList<IRequest> Requests => [.. _requests];

    /// <summary>Script errors and console errors; a 401 or 429 the page explains also logs "Failed to load resource".</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    public static async Task<PageSession> OpenAsync(IBrowser browser, Uri address, string? key, ViewportSize viewport)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), ViewportSize = viewport });
        context.SetDefaultTimeout(20_000);
        if (key is not null)
        {
            // As if the reader had typed the key once in this tab already.
            await context.AddInitScriptAsync($"sessionStorage.setItem('{KeyStorageName}', {JsonSerializer.Serialize(key)});");
        }

        var page = await context.NewPageAsync();
        var session = new PageSession(context, page, address);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#question")).ToBeVisibleAsync();
        return session;
    }

    /// <summary>The JSON bodies the page posted to a path, in order.</summary>
    public IReadOnlyList<JsonElement> PostedBodies(string path) =>
        Requests.Where(r => r.Method == "POST" && new Uri(r.Url).AbsolutePath == path)
            .Select(r => JsonDocument.Parse(r.PostData ?? "{}").RootElement.Clone())
            .ToArray();

    /// <summary>No script error, and no console error other than the failed loads a test provoked on purpose.</summary>
    public void AssertNoErrors(params int[] expectedStatuses)
    {
        var unexpected = Errors.Where(e => !expectedStatuses.Any(s => e.Contains($"status of {s}", StringComparison.Ordinal))).ToArray();
        Assert.True(unexpected.Length == 0, "The page reported errors:\n" + string.Join('\n', unexpected));
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
