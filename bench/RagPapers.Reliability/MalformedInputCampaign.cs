namespace RagPapers.Reliability;

/// <summary>
/// Each case of <see cref="MalformedCorpus"/> in a folder between two good files, ingested by the real CLI:
/// a crash is an exit code other than 0 (or a stack trace), a hang is a run over a minute, a lost good record is
/// a good id not in the store afterwards.
/// </summary>
internal static class MalformedInputCampaign
{
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(60);
    private static readonly string[] SurroundingIds = ["2399.00001", "2399.00002", "2399.00003", "2399.00004"];

    public static async Task<CampaignResult> RunAsync(Scale scale)
    {
        var (crashes, hangs, lost, escapes) = (0, 0, 0, 0);
        var cases = MalformedCorpus.Cases;
        foreach (var @case in cases)
        {
            var folder = Repo.TempFolder("malformed");
            try
            {
                var collection = Directory.CreateDirectory(Path.Combine(folder, "collection")).FullName;
                WriteGood(Path.Combine(collection, "000-good.jsonl"), SurroundingIds[..2]);
                WriteGood(Path.Combine(collection, "zzz-good.jsonl"), SurroundingIds[2..]);
                @case.Write(collection);
                var store = Path.Combine(folder, "store.db");
                var outcome = await ChildProcess.RunCliAsync(["ingest", collection, "--store", store], HangAfter);
                var missing = outcome.Hung ? SurroundingIds.Length + @case.GoodIds.Count : Missing(store, @case.GoodIds);
                (crashes, hangs, lost) = (crashes + (!outcome.Hung && (outcome.Crashed || outcome.ExitCode != 0) ? 1 : 0), hangs + (outcome.Hung ? 1 : 0), lost + missing);
                escapes += outcome.StandardOutput.Contains('\u001b') ? 1 : 0;
                Report(@case, outcome, missing);
            }
            finally
            {
                Repo.Delete(folder);
            }
        }

        return new CampaignResult(
            "malformed-input corpus", $"{cases.Count} cases",
            $"{crashes} crashes, {hangs} hangs, {lost} good records lost, {escapes} outputs with ESC",
            "0 crashes, 0 hangs, 0 lost", crashes + hangs + lost + escapes == 0);
    }

    private static int Missing(string store, IReadOnlyList<string> goodIds)
    {
        var ids = File.Exists(store) ? Store.Ids(store) : [];
        return SurroundingIds.Concat(goodIds).Count(id => id.EndsWith('-') ? !ids.Any(i => i.StartsWith(id, StringComparison.Ordinal)) : !ids.Contains(id));
    }

    private static void WriteGood(string path, string[] ids) =>
        File.WriteAllLines(path, ids.Select(id => $$"""{"id":"{{id}}","title":"Surrounding paper {{id}}","abstract":"A good abstract about graphs number {{id}}."}"""));

    private static void Report(MalformedCase @case, Outcome outcome, int missing)
    {
        var verdict = outcome.Hung ? "HANG" : outcome.Crashed || outcome.ExitCode != 0 ? $"CRASH rc {outcome.ExitCode}" : missing > 0 ? $"LOST {missing}" : "ok";
        var skipped = outcome.StandardOutput.Split('\n').FirstOrDefault(l => l.Contains("skipped ", StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal))?.Trim() ?? "";
        Console.Error.WriteLine($"  {verdict,-10} {@case.Name}: {Shorten(skipped)}");
        if (verdict != "ok")
        {
            Console.Error.WriteLine(Shorten(outcome.StandardError, 600));
        }
    }

    private static string Shorten(string text, int max = 120) => text.Length <= max ? text : text[..max] + "…";
}
