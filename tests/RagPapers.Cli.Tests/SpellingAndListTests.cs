using System.Text.Json;

namespace RagPapers.Cli.Tests;

/// <summary>Spelling correction and list questions as the console shows them, on the bundled collection.</summary>
[Collection(IngestedStoreCollection.Name)]
public sealed class SpellingAndListTests(IngestedStore store)
{
    private const string Misspelt = "contrastive lerning for speach represntations";
    private const string Corrected = "contrastive learning for speech representations";

    [Fact]
    public async Task Ask_MisspeltQuestion_SaysWhatWasSearchedBeforeTheAnswer()
    {
        var result = await CliProcess.RunAsync(["ask", Misspelt, "--store", store.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"(searched for: {Corrected})\n", result.StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Sources:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskJson_MisspeltQuestion_CarriesSearchedFor()
    {
        var result = await CliProcess.RunAsync(["ask", Misspelt, "--json", "--store", store.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("answered", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(Corrected, json.RootElement.GetProperty("searchedFor").GetString());
    }

    [Fact]
    public async Task AskJson_CorrectlySpeltQuestion_HasNoSearchedFor()
    {
        var result = await CliProcess.RunAsync(["ask", Corrected, "--json", "--store", store.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.False(json.RootElement.TryGetProperty("searchedFor", out _));
    }

    [Fact]
    public async Task Search_MisspeltQuery_SaysWhatWasSearchedInTextAndJson()
    {
        var text = await CliProcess.RunAsync(["search", "speach enhancment", "--top", "2", "--store", store.Path]);
        var json = await CliProcess.RunAsync(["search", "speach enhancment", "--top", "2", "--json", "--store", store.Path]);

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.StartsWith("(searched for: speech enhancement)", text.StandardOutput, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.StandardOutput);
        Assert.Equal("speach enhancment", document.RootElement.GetProperty("query").GetString());
        Assert.Equal("speech enhancement", document.RootElement.GetProperty("searchedFor").GetString());
    }

    [Fact]
    public async Task AskJson_ListQuestion_CitesEverySpeakerVerificationPaper()
    {
        // The bundled collection holds four papers on speaker verification; a list question must name them all.
        var result = await CliProcess.RunAsync(["ask", "Are there any papers about speaker verification?", "--json", "--store", store.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var titles = json.RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("title").GetString()!).ToArray();
        Assert.Equal(4, titles.Length);
        Assert.All(titles, t => Assert.Contains("Speaker Verification", t, StringComparison.OrdinalIgnoreCase));
    }
}
