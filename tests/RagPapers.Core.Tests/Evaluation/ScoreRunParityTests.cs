using System.Diagnostics;
using System.Text.Json;
using RagPapers.Evaluation;

namespace RagPapers.Core.Tests.Evaluation;

/// <summary>
/// Our metrics against the project's reference scorer, ../shared/tools/score_run.py, run as a real python3 process
/// on the run file we write: they must agree to 4 decimals, ties, repeats, grades and missing queries included.
/// </summary>
public sealed class ScoreRunParityTests : IDisposable
{
    private static readonly string ScoreRun = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "tools", "score_run.py"));
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Score_HandMadeRun_EqualsScoreRunPyToFourDecimals()
    {
        var qrelsPath = _folder.File("qrels.tsv");
        await File.WriteAllLinesAsync(qrelsPath,
        [
            "query-id\tcorpus-id\tscore",
            "q1\td1\t1", "q1\td4\t2", "q1\td7\t1",   // graded; d7 never retrieved
            "q2\td2\t1",                            // tie on the relevant document's score
            "q3\td3\t1",                            // absent from the run: scores 0
            "q4\td5\t0",                            // no relevant document: not averaged
            "q5\td9\t1",                            // relevant only below rank 10
        ]);
        var run = new TrecRun();
        AddAll(run, "q1", ("d4", 0.9), ("d2", 0.8), ("d1", 0.8), ("d1", 0.1), ("d6", 0.5));
        AddAll(run, "q2", ("d1", 0.5), ("d2", 0.5), ("d3", 0.5));
        AddAll(run, "q4", ("d5", 1.0));
        AddAll(run, "q5", [.. Enumerable.Range(0, 12).Select(i => ($"x{i}", 1.0 - (i * 0.01))), ("d9", 0.2)]);
        var runPath = _folder.File("run.tsv");
        await using (var writer = new StreamWriter(runPath))
        {
            await run.WriteAsync(writer, "test");
        }

        var sut = RetrievalMetrics.Score(run, await Qrels.ReadAsync(qrelsPath));

        var reference = await RunScoreRunAsync(runPath, qrelsPath);
        Assert.Equal(reference.GetProperty("nDCG@10").GetDouble(), Math.Round(sut.Ndcg, 4), 4);
        Assert.Equal(reference.GetProperty("Recall@100").GetDouble(), Math.Round(sut.Recall, 4), 4);
        Assert.Equal(reference.GetProperty("MRR@10").GetDouble(), Math.Round(sut.Mrr, 4), 4);
        Assert.Equal((4, 1), (sut.QueriesScored, sut.QueriesMissing));
    }

    private static void AddAll(TrecRun run, string queryId, params (string Doc, double Score)[] documents)
    {
        foreach (var (doc, score) in documents)
        {
            run.Add(queryId, doc, score);
        }
    }

    private static async Task<JsonElement> RunScoreRunAsync(string runPath, string qrelsPath)
    {
        Assert.True(File.Exists(ScoreRun), $"the reference scorer is missing: {ScoreRun} (shared/ must sit beside the repository)");
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { ScoreRun, runPath, qrelsPath, "--json" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"score_run.py exited {process.ExitCode}: {errors}");
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("metrics").Clone();
    }
}
