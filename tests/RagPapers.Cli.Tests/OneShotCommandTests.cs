using System.Text.Json;

namespace RagPapers.Cli.Tests;

[Collection(IngestedStoreCollection.Name)]
public sealed class OneShotCommandTests(IngestedStore store)
{
    [Fact]
    public async Task AskJson_AnswerableQuestion_PrintsTheAnswerContract()
    {
        var result = await CliProcess.RunAsync(["ask", "How can self-supervised learning help speaker verification without labels?", "--json", "--store", store.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal("answered", root.GetProperty("status").GetString());
        Assert.Equal("extractive", root.GetProperty("writer").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("notice").ValueKind);
        var citations = root.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        foreach (var citation in citations)
        {
            foreach (var name in new[] { "n", "paperId", "title", "date", "source", "quote", "score" })
            {
                Assert.True(citation.TryGetProperty(name, out _), $"citation lacks '{name}'");
            }

            Assert.Contains($"[{citation.GetProperty("n").GetInt32()}]", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        }

        Assert.Contains(citations, c => c.GetProperty("title").GetString()!.Contains("Speaker Verification", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_TopicAbsentFromTheCollection_SaysItFoundNothing()
    {
        var result = await CliProcess.RunAsync(["ask", "What is the best recipe for sourdough bread?", "--json", "--store", store.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("no_evidence", json.RootElement.GetProperty("status").GetString());
        Assert.Empty(json.RootElement.GetProperty("citations").EnumerateArray());
        Assert.Contains("found nothing", json.RootElement.GetProperty("answer").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ask_Text_ListsNumberedSourcesWithQuotes()
    {
        var result = await CliProcess.RunAsync(["ask", "Which methods learn video representations with contrastive learning?", "--store", store.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Sources:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[1] ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchJson_TopThree_ReturnsThreeRankedPapersWithPassages()
    {
        var result = await CliProcess.RunAsync(["search", "neural radiance fields for driving scenes", "--top", "3", "--json", "--store", store.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var papers = json.RootElement.GetProperty("papers").EnumerateArray().ToList();
        Assert.Equal(3, papers.Count);
        Assert.Equal([1, 2, 3], papers.Select(p => p.GetProperty("rank").GetInt32()));
        Assert.All(papers, p => Assert.NotEmpty(p.GetProperty("passages").EnumerateArray()));
        Assert.Contains(papers, p => p.GetProperty("title").GetString()!.StartsWith("EmerNeRF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_TopOutOfRange_ExitsTwo()
    {
        var result = await CliProcess.RunAsync(["search", "anything", "--top", "0", "--store", store.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--top", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PapersList_PrintsCountFirstThenOneLinePerPaper()
    {
        var result = await CliProcess.RunAsync(["papers", "--list", "--store", store.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var count = int.Parse(lines[0].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(count, lines.Length - 1);
        Assert.Equal(count, lines.Skip(1).Select(l => l.Split('\t')[0]).Distinct().Count());
    }

    [Fact]
    public async Task UnknownOption_ExitsTwoWithUsageHint()
    {
        var result = await CliProcess.RunAsync(["ask", "x", "--frobnicate", "--store", store.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--frobnicate", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidConfiguration_ExitsTwoNamingTheSetting()
    {
        var environment = new Dictionary<string, string> { ["RAGPAPERS_Retrieval__TopK"] = "0" };

        var result = await CliProcess.RunAsync(["search", "x", "--store", store.Path], environment: environment);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Retrieval:TopK", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadDateOption_ExitsTwo()
    {
        var result = await CliProcess.RunAsync(["ask", "x", "--from", "yesterday", "--store", store.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("yesterday", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_DateRange_SaysHowManyUndatedPapersItLeftOutAndHowToIncludeThem()
    {
        var dated = await CliProcess.RunAsync(["search", "self-supervised speech representation", "--from", "2023-01-01", "--top", "3", "--store", store.Path]);
        var all = await CliProcess.RunAsync(["search", "self-supervised speech representation", "--from", "2023-01-01", "--include-undated", "--top", "3", "--store", store.Path]);

        Assert.True(dated.ExitCode == 0, dated.ToString());
        Assert.StartsWith("(479 undated papers were left out by the date range; add --include-undated to search them too)", dated.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("(undated)", dated.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("relevance 0.00", dated.StandardOutput, StringComparison.Ordinal);
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.DoesNotContain("left out", all.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("(undated)", all.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_DateRangeWithNothingRelevant_SaysNothingInThatRange()
    {
        var result = await CliProcess.RunAsync(["search", "sourdough bread recipe", "--from", "2023-01-01", "--store", store.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Nothing in that range (from 2023-01-01) matches \u201csourdough bread recipe\u201d.", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("relevance", result.StandardOutput, StringComparison.Ordinal);
    }
}
