using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RagPapers.Web.Tests.Infrastructure;

namespace RagPapers.Web.Tests.Security;

/// <summary>The page is a client of the public API like any other: no private endpoint, no other origin.</summary>
[Collection(ChatPageCollection.Name)]
public sealed class PublicApiTests(ChatPageServer fixture)
{
    [BrowserFact]
    public async Task Page_EveryFeatureUsed_EveryRequestIsAPageFileOrAnOperationOfTheOpenApiDocument()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);
        await sut.AskAsync("How do graph neural networks predict molecule properties?");
        await sut.WaitForAnswerAsync(1);
        await sut.Answer(1).Locator("a.cite").First.ClickAsync();
        await sut.Sources(1).First.Locator(".paper-link").ClickAsync();
        await sut.ExpectPaperOpenAsync(PaperCollection.GraphPaperTitle);
        await sut.PaperPanel.Locator(".similar .paper-link").First.ClickAsync();
        await Assertions.Expect(sut.PaperPanel.Locator("#paper-title")).Not.ToHaveTextAsync(PaperCollection.GraphPaperTitle);
        await sut.AskAsync("and the first one?");
        await sut.WaitForAnswerAsync(2);
        await sut.SearchAsync("speech", source: PaperCollection.SpeechFile, from: "2023-01-01", to: "2024-12-31");
        await Assertions.Expect(sut.SearchResults.Locator(".hit")).Not.ToHaveCountAsync(0);

        var operations = await OperationsAsync();
        var pageFiles = PageFiles();
        var requests = session.Requests.Select(r => (r.Method, Uri: new Uri(r.Url))).ToArray();

        Assert.All(requests, r => Assert.Equal(session.Address.Authority, r.Uri.Authority));
        var unknown = requests
            .Where(r => !(r.Method == "GET" && pageFiles.Contains(r.Uri.AbsolutePath)))
            .Where(r => !operations.Any(o => o.Method == r.Method && o.Path.IsMatch(r.Uri.AbsolutePath)))
            .ToArray();
        Assert.True(unknown.Length == 0, "requests to no public operation: " + string.Join(", ", unknown.Select(r => $"{r.Method} {r.Uri.AbsolutePath}")));
        string[] used = ["POST /api/ask/stream", "GET /api/papers/{id}", "GET /api/papers/{id}/similar", "GET /api/search"];
        Assert.All(used, operation => Assert.Contains(requests, r => operations.Any(o => $"{o.Method} {o.Template}" == operation && o.Path.IsMatch(r.Uri.AbsolutePath))));
        session.AssertNoErrors();
    }

    // Each operation of /openapi/v1.json as its method and a pattern of its path ("{id}" is one path segment).
    private async Task<(string Method, string Template, Regex Path)[]> OperationsAsync()
    {
        using var document = JsonDocument.Parse(await fixture.Server.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (
                Method: operation.Name.ToUpperInvariant(),
                Template: path.Name,
                Path: new Regex("^" + Regex.Replace(Regex.Escape(path.Name), @"\\\{[^/]+?\}", "[^/]+") + "$", RegexOptions.None, TimeSpan.FromSeconds(1)))))
            .ToArray();
    }

    // The page's own files, as they sit in the server's source: "/", "/app.js", "/style.css", …
    private static HashSet<string> PageFiles()
    {
        var folder = Path.Combine(TestPaths.RepoRoot, "src", "RagPapers.Server", "WebChat", "Page");
        return [.. Directory.GetFiles(folder).Select(f => "/" + Path.GetFileName(f)).Append("/")];
    }
}
