using System.Text.RegularExpressions;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Hosting;

/// <summary>Request logging as the README promises it: one line per request by default, a detailed one only at Debug.</summary>
public sealed partial class RequestLogTests
{
    private const string Category = "RagPapers.Server.Hosting.RequestLogMiddleware";

    [Fact]
    public async Task Request_DefaultLevels_OneLineWithMethodPathStatusAndMilliseconds()
    {
        await using var sut = await RunningServer.StartAsync();

        using var response = await sut.Client.GetAsync(Http.Path("/api/search?q=contrastive"));

        var lines = RequestLines(sut, "/api/search");
        var line = Assert.Single(lines);
        Assert.Matches(OneLine(), line);
        Assert.DoesNotContain("contrastive", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_DebugLevel_DetailedLineInstead()
    {
        await using var sut = await RunningServer.StartAsync(new Dictionary<string, string> { ["Logging:LogLevel:RagPapers.Server"] = "Debug" });

        using var response = await sut.Client.GetAsync(Http.Path("/api/search?q=contrastive"));

        var line = Assert.Single(RequestLines(sut, "/api/search"));
        Assert.StartsWith($"Debug {Category}: GET /api/search HTTP/1.1 answered 200", line, StringComparison.Ordinal);
        Assert.DoesNotContain("contrastive", line, StringComparison.Ordinal);
    }

    private static string[] RequestLines(RunningServer server, string path) =>
        [.. server.Logs.Lines.Where(l => l.Contains(Category, StringComparison.Ordinal) && l.Contains(path, StringComparison.Ordinal))];

    [GeneratedRegex(@"^Information RagPapers\.Server\.Hosting\.RequestLogMiddleware: GET /api/search 200 \d+(\.\d)? ms\s*$")]
    private static partial Regex OneLine();
}
