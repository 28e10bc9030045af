namespace RagPapers.Cli.Tests;

public sealed class FirstRunTests
{
    [Fact]
    public async Task AnyCommand_OnAnEmptyStore_IngestsTheBundledCollectionFirst()
    {
        using var folder = new TempFolder();

        var result = await CliProcess.RunAsync(["papers", "--store", folder.File("fresh.db")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Ingested 5 file(s)", result.StandardError, StringComparison.Ordinal);
        Assert.Matches(@"^516 papers", result.StandardOutput);
    }
}
