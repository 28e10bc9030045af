namespace RagPapers.Cli.Tests;

[Collection(IngestedStoreCollection.Name)]
public sealed class ReplTests(IngestedStore store)
{
    [Fact]
    public async Task Repl_QuestionThenCommands_AnswersAndShowsSourcesPaperAndSimilar()
    {
        const string input = "How does Barlow Twins avoid collapse in self-supervised learning?\n/sources\n/paper 1\n/similar 1\n/help\n/quit\n";

        var result = await CliProcess.RunAsync(["--store", store.Path], input);

        Assert.True(result.ExitCode == 0, result.ToString());
        var output = result.StandardOutput;
        Assert.Contains("papers. Ask a question", output, StringComparison.Ordinal);
        Assert.Contains("Sources:", output, StringComparison.Ordinal);
        Assert.Contains("Barlow Twins", output, StringComparison.Ordinal);
        Assert.Contains("    id ", output, StringComparison.Ordinal); // /sources detail
        Assert.Contains("redundancy", output, StringComparison.OrdinalIgnoreCase); // /paper 1 prints the abstract
        Assert.Contains("1. ", output, StringComparison.Ordinal); // /similar list
        Assert.Contains("/reset", output, StringComparison.Ordinal); // /help
    }

    [Fact]
    public async Task Repl_FollowUpAboutTheSecondSource_AnswersAboutThatPaper()
    {
        const string input = "Which papers study self-distillation?\nand the second one?\n/sources\n";

        var result = await CliProcess.RunAsync(["--store", store.Path], input);

        Assert.True(result.ExitCode == 0, result.ToString());
        var sections = result.StandardOutput.Split("Sources:");
        Assert.True(sections.Length >= 3, result.ToString());
        var secondTitleOfFirstAnswer = sections[1].Split('\n').First(l => l.TrimStart().StartsWith("[2]", StringComparison.Ordinal)).Trim()[4..];
        var firstTitleOfFollowUp = sections[2].Split('\n').First(l => l.TrimStart().StartsWith("[1]", StringComparison.Ordinal)).Trim()[4..];
        Assert.Equal(secondTitleOfFirstAnswer, firstTitleOfFollowUp);
    }

    [Fact]
    public async Task Repl_PaperByIdOrTitle_ResolvedAsDiscordAndTheApiResolveThem()
    {
        const string input = "/paper t-0cc31274c0578b50\n/similar Guarding Barlow Twins Against Overfitting\n/paper zzqx vortex nonsense\n/quit\n";

        var result = await CliProcess.RunAsync(["--store", store.Path], input);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Guarding Barlow Twins Against Overfitting with Mixed Samples", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1. ", result.StandardOutput, StringComparison.Ordinal); // the similar papers of the title's paper
        Assert.Contains("No paper matches 'zzqx vortex nonsense'", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repl_UnknownCommandAndMissingSource_ExplainsAndCarriesOn()
    {
        var result = await CliProcess.RunAsync(["--store", store.Path], "/frob\n/paper 3\n/reset\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Unknown command /frob", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Ask a question first", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("New conversation", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repl_CtrlCAtThePrompt_KeepsTheSessionAlive()
    {
        using var process = CliProcess.Start(["--store", store.Path]);
        await process.WaitForOutputAsync("Ask a question", TimeSpan.FromSeconds(60)); // the banner comes after the Ctrl-C handler is in place

        process.Signal("INT");
        await process.WaitForOutputAsync("nothing to cancel", TimeSpan.FromSeconds(10));
        await process.WriteAsync("What is Barlow Twins?\n/quit\n");
        var result = await process.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Sources:", result.StandardOutput, StringComparison.Ordinal);
    }
}
