using System.Text.RegularExpressions;

namespace RagPapers.Cli.Tests;

public sealed partial class IngestCommandTests
{
    [Fact]
    public async Task Ingest_SameCollectionTwice_SecondRunChangesNothing()
    {
        using var folder = new TempFolder();
        var store = folder.File("store.db");

        var first = await CliProcess.RunAsync(["ingest", "data/papers", "--store", store]);
        var second = await CliProcess.RunAsync(["ingest", "data/papers", "--store", store]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var firstCounts = Counts(first.StandardOutput);
        var secondCounts = Counts(second.StandardOutput);
        Assert.Equal(516, firstCounts.Added); // 557 records in the five dumps, 41 of them repeats
        Assert.Equal(0, secondCounts.Added);
        Assert.Equal(0, secondCounts.Updated);
        Assert.Equal(firstCounts.Read, secondCounts.Read);
        Assert.Equal(secondCounts.Read - secondCounts.Skipped, secondCounts.Unchanged);

        var papers = await CliProcess.RunAsync(["papers", "--store", store]);
        Assert.StartsWith($"{firstCounts.Added} papers", papers.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ChangedPaper_NamesTheUpdatedPaperUnderTheSummary()
    {
        using var folder = new TempFolder();
        var store = folder.File("store.db");
        var file = folder.File("photonics.jsonl");
        const string Record = """{"id": "2402.00030", "title": "Photonic Neuromorphic Chips", "abstract": "ABSTRACT", "update_date": "2024-02-05"}""";
        await File.WriteAllTextAsync(file, Record.Replace("ABSTRACT", "Photonic chips run neuromorphic networks.", StringComparison.Ordinal) + "\n");
        var first = await CliProcess.RunAsync(["ingest", file, "--store", store]);
        await File.WriteAllTextAsync(file, Record.Replace("ABSTRACT", "Photonic chips run neuromorphic networks at the speed of light.", StringComparison.Ordinal) + "\n");

        var second = await CliProcess.RunAsync(["ingest", file, "--store", store]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.DoesNotContain("updated Photonic", first.StandardOutput, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(1, Counts(second.StandardOutput).Updated);
        Assert.Contains("  updated Photonic Neuromorphic Chips (id 2402.00030)", second.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_MissingFile_ExitsOneNamingThePath()
    {
        using var folder = new TempFolder();

        var result = await CliProcess.RunAsync(["ingest", "no/such/file.jsonl", "--store", folder.File("s.db")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no/such/file.jsonl", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_FileWithBadRecords_ReportsEachWithLineAndKeepsTheGoodOnes()
    {
        using var folder = new TempFolder();
        var file = folder.File("mixed.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"id":"2401.00001","title":"Good paper one","abstract":"A sound abstract about sparse attention for long documents.","authors":"A. Author","update_date":"2024-01-02"}""",
            """{"id":"2401.00002","title":"Broken line" """,
            """{"id":"2401.00003","title":"No abstract here","authors":"B. Author"}""",
            """{"id":"2401.00004","title":"Good paper two","abstract":"Another sound abstract about protein folding with diffusion.","authors":"C. Author","update_date":"2024-01-03"}""",
        ]);

        var result = await CliProcess.RunAsync(["ingest", file, "--store", folder.File("s.db")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var counts = Counts(result.StandardOutput);
        Assert.Equal((4, 2, 0, 0, 2), (counts.Read, counts.Added, counts.Updated, counts.Unchanged, counts.Skipped));
        Assert.Contains("mixed.jsonl:2:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("mixed.jsonl:3:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_StoreThatIsNotADatabase_ExitsOneWithAClearMessage()
    {
        using var folder = new TempFolder();
        var store = folder.File("notes.db");
        await File.WriteAllTextAsync(store, "these are my notes, not a database\n");

        var result = await CliProcess.RunAsync(["ingest", "data/papers", "--store", store]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("notes.db", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database\n", await File.ReadAllTextAsync(store));
    }

    internal static (int Read, int Added, int Updated, int Unchanged, int Skipped) Counts(string output)
    {
        var match = SummaryLine().Match(output);
        Assert.True(match.Success, "no summary line in:\n" + output);
        int Get(string name) => int.Parse(match.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (Get("read"), Get("added"), Get("updated"), Get("unchanged"), Get("skipped"));
    }

    [GeneratedRegex(@"read (?<read>\d+), added (?<added>\d+), updated (?<updated>\d+), unchanged (?<unchanged>\d+), skipped (?<skipped>\d+)")]
    private static partial Regex SummaryLine();
}
