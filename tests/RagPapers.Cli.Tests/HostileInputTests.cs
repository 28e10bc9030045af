using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace RagPapers.Cli.Tests;

/// <summary>Files and stores that used to stop or fool `ragpapers`, driven through the real program.</summary>
public sealed class HostileInputTests
{
    private const string Good = """{"id":"2401.00001","title":"Graph Paper","abstract":"An abstract about graphs and trees."}""";

    [Fact]
    public async Task Ingest_FolderWithPipeBadRecordAndControlCodes_GoodRecordsCommittedEachProblemNamed()
    {
        using var folder = new TempFolder();
        var collection = Directory.CreateDirectory(folder.File("collection")).FullName;
        await File.WriteAllTextAsync(Path.Combine(collection, "a.jsonl"), Good + "\n" + """{"id":"2401.00002","title":"Bad \ud800","abstract":"x"}""" + "\n");
        await File.WriteAllTextAsync(Path.Combine(collection, "c.jsonl"), """{"id":"2401.00003","title":"Owned\u001b]0;owned\u0007 Title","abstract":"Clear\u001b[2J the screen about trees."}""" + "\n");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(collection, "b.pipe")]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var store = folder.File("store.db");
        var ingest = await CliProcess.RunAsync(["ingest", collection, "--store", store]);
        var search = await CliProcess.RunAsync(["search", "trees", "--store", store]);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("added 2", ingest.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("a.jsonl:2:", ingest.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("b.pipe:0: a named pipe", ingest.StandardOutput, StringComparison.Ordinal);
        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Contains("Owned]0;owned Title", search.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', search.StandardOutput + ingest.StandardOutput);
    }

    [Fact]
    public async Task Ingest_StoreLockedByAnotherProcess_OneLineErrorWithoutStackTrace()
    {
        using var folder = new TempFolder();
        var collection = folder.File("a.jsonl");
        await File.WriteAllTextAsync(collection, Good + "\n");
        var store = folder.File("store.db");
        Assert.Equal(0, (await CliProcess.RunAsync(["ingest", collection, "--store", store])).ExitCode);
        await File.WriteAllTextAsync(collection, Good.Replace("trees", "forests", StringComparison.Ordinal) + "\n");
        using var other = new SqliteConnection($"Data Source={store};Pooling=False");
        other.Open();
        using var holding = other.BeginTransaction();

        var result = await CliProcess.RunAsync(["ingest", collection, "--store", store]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("locked by another process", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }
}
