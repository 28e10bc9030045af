using System.Diagnostics;

namespace RagPapers.Cli.Tests;

/// <summary>Ctrl-C and SIGTERM stop a command within a second, exit 130, and leave only whole batches behind.</summary>
public sealed class InterruptTests
{
    private const int PaperCount = 6000;

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Ingest_Signalled_Exits130WithinASecondAndTheStoreIsConsistent(string signal)
    {
        using var folder = new TempFolder();
        var collection = folder.File("synthetic.jsonl");
        var store = folder.File("store.db");
        await KillAndResumeTests.WriteSyntheticCollectionAsync(collection, PaperCount);
        using var process = CliProcess.Start(["ingest", collection, "--store", store], new Dictionary<string, string> { ["RAGPAPERS_Ingestion__BatchSize"] = "25" });
        await KillAndResumeTests.WaitForCommittedPapersAsync(store, process);

        var watch = Stopwatch.StartNew();
        process.Signal(signal);
        var result = await process.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1.5)); // 1 s, plus the test's own process handling on a busy machine
        var (papers, orphans, empty) = KillAndResumeTests.Inspect(store);
        Assert.Equal((0, 0, 0), (papers % 25, orphans, empty));
        Assert.InRange(papers, 1, PaperCount - 1);
    }

    [Fact]
    public async Task Repl_SecondCtrlCAtThePrompt_Leaves130()
    {
        using var folder = new TempFolder();
        var collection = folder.File("one.jsonl");
        await File.WriteAllTextAsync(collection, """{"id":"2401.00001","title":"One Paper","abstract":"An abstract about graphs and trees."}""" + "\n");
        var store = folder.File("store.db");
        Assert.Equal(0, (await CliProcess.RunAsync(["ingest", collection, "--store", store])).ExitCode);
        using var process = CliProcess.Start(["--store", store]);
        await process.WaitForOutputAsync("Ask a question", TimeSpan.FromSeconds(60));

        process.Signal("INT");
        await process.WaitForOutputAsync("nothing to cancel", TimeSpan.FromSeconds(10));
        process.Signal("INT");
        var result = await process.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.ExitCode == 130, result.ToString());
    }
}
