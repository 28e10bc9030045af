using System.Diagnostics;

namespace RagPapers.Cli.Tests;

/// <summary>`ragpapers eval` as a real process on a six-document corpus, its figures checked against score_run.py on the run it wrote.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private static readonly string ScoreRun = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "tools", "score_run.py"));
    private readonly TempFolder _folder = new();

    public EvalCommandTests()
    {
        File.WriteAllLines(_folder.File("corpus.jsonl"),
        [
            """{"_id": "101", "title": "Sourdough fermentation", "text": "Lactic acid bacteria and wild yeast leaven sourdough bread during a long fermentation."}""",
            """{"_id": "102", "title": "Glacier retreat in the Alps", "text": "Alpine glaciers lost a third of their ice volume as summer temperatures rose."}""",
            """{"_id": "103", "title": "Honey bee navigation", "text": "Honey bees use the waggle dance and the sun's position to navigate to flowers."}""",
            """{"_id": "104", "title": "Coral bleaching", "text": "Marine heatwaves expel symbiotic algae from corals, which then bleach and may die."}""",
            """{"_id": "105", "title": "Bread staling", "text": "Starch retrogradation makes bread stale; fermentation acids slow it down."}""",
            """{"_id": "106", "title": "Bird migration", "text": "Migratory birds navigate with the earth's magnetic field and the stars."}""",
            """{"_id": "107", "title": "", "text": ""}""",
        ]);
        File.WriteAllLines(_folder.File("queries.jsonl"),
        [
            """{"_id": "1", "text": "Wild yeast fermentation leavens sourdough bread."}""",
            """{"_id": "2", "text": "How do bees and birds navigate?"}""",
            """{"_id": "3", "text": "Heatwaves cause coral bleaching."}""",
            """{"_id": "4", "text": "A query nobody judged."}""",
        ]);
        File.WriteAllLines(_folder.File("qrels.tsv"), ["query-id\tcorpus-id\tscore", "1\t101\t1", "1\t105\t1", "2\t103\t1", "2\t106\t2", "3\t104\t1", "9\t102\t1"]);
        File.WriteAllLines(_folder.File("offtopic.jsonl"), ["""{"_id": "o1", "text": "Who won the 1998 football world cup?"}"""]);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Eval_TinyCorpus_PrintsTheMetricsScoreRunPrintsForItsRun()
    {
        var runPath = _folder.File("run.tsv");

        var result = await CliProcess.RunAsync(Args("--run", runPath, "--offtopic", _folder.File("offtopic.jsonl")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("indexed     6 papers", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("queries     3 run at depth 100; 1 judged queries have no text", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("corpus.jsonl:7", result.StandardError, StringComparison.Ordinal); // the document without text
        Assert.Contains("false answers 0/1 off-topic queries", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("(3 queries, after 1 unjudged queries untimed)", result.StandardOutput, StringComparison.Ordinal); // query 4 warms up
        var reference = await ScoreRunAsync(runPath, _folder.File("qrels.tsv"));
        foreach (var metric in new[] { "nDCG@10", "Recall@100", "MRR@10" })
        {
            var line = Line(reference, metric);
            Assert.Contains(line, Lines(result.StandardOutput));
        }

        Assert.All(File.ReadAllLines(runPath), l => Assert.Matches(@"^[1-3]\tQ0\t10[1-6]\t\d+\t[-0-9.E]+\tragpapers$", l));
    }

    [Fact]
    public async Task Eval_StoreAlreadyHoldingPapers_IsRefusedNotCleared()
    {
        var store = _folder.File("eval.db");
        var first = await CliProcess.RunAsync(Args("--store", store));
        Assert.True(first.ExitCode == 0, first.ToString());

        var second = await CliProcess.RunAsync(Args("--store", store));

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Contains("already holds 6 papers", second.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_EveryQueryJudged_WarmsUpOnJudgedQueriesAndSaysSo()
    {
        File.WriteAllLines(_folder.File("judged.jsonl"), File.ReadAllLines(_folder.File("queries.jsonl")).Take(3));

        var result = await CliProcess.RunAsync(["eval", "--corpus", _folder.File("corpus.jsonl"), "--queries", _folder.File("judged.jsonl"), "--qrels", _folder.File("qrels.tsv")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(3 queries, after 3 of them untimed)", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_MissingQrelsFile_ExitsOneNamingIt()
    {
        var result = await CliProcess.RunAsync(["eval", "--corpus", _folder.File("corpus.jsonl"), "--queries", _folder.File("queries.jsonl"), "--qrels", _folder.File("nope.tsv")]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("nope.tsv", result.StandardError, StringComparison.Ordinal);
    }

    private string[] Args(params string[] extra) =>
        ["eval", "--corpus", _folder.File("corpus.jsonl"), "--queries", _folder.File("queries.jsonl"), "--qrels", _folder.File("qrels.tsv"), .. extra];

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Line(string output, string metric) =>
        Lines(output).SingleOrDefault(l => l.StartsWith(metric + " ", StringComparison.Ordinal)) ?? throw new Xunit.Sdk.XunitException($"score_run.py printed no {metric} line:\n{output}");

    private static async Task<string> ScoreRunAsync(string runPath, string qrelsPath)
    {
        Assert.True(File.Exists(ScoreRun), $"the reference scorer is missing: {ScoreRun} (shared/ must sit beside the repository)");
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { ScoreRun, runPath, qrelsPath })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);
        return output;
    }
}
