using System.Diagnostics;
using System.Globalization;

namespace RagPapers.Reliability;

/// <summary>Runs the campaigns named on the command line (all by default) one after another and prints their table.</summary>
internal static class CampaignRunner
{
    private static readonly Dictionary<string, Func<Scale, Task<CampaignResult>>> Campaigns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["malformed"] = MalformedInputCampaign.RunAsync,
        ["kill"] = KillCampaign.RunAsync,
        ["kill-reembed"] = KillCampaign.RunReembedAsync,
        ["signals"] = SignalCampaign.RunAsync,
        ["freshness"] = FreshnessCampaign.RunAsync,
        ["http"] = HttpCampaign.RunAsync,
        ["hostile"] = HostileTextCampaign.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (names.FirstOrDefault(n => !Campaigns.ContainsKey(n)) is { } unknown)
        {
            Console.Error.WriteLine($"unknown campaign '{unknown}'; campaigns: {string.Join(", ", Campaigns.Keys)} (default: all), option --quick");
            return 2;
        }

        var scale = quick ? Scale.Quick : Scale.Full;
        var results = new List<CampaignResult>();
        // "kill-reembed" is a part of "kill", for running it alone.
        foreach (var name in names.Length > 0 ? names : [.. Campaigns.Keys.Where(k => k != "kill-reembed")])
        {
            var watch = Stopwatch.StartNew();
            Console.Error.WriteLine($"== {name} ...");
            var result = await Campaigns[name](scale);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name}: {(result.Passed ? "pass" : "FAIL")} in {watch.Elapsed.TotalSeconds:0} s: {result.Figures}"));
            results.Add(result);
        }

        Console.WriteLine("| campaign | runs | result | target | verdict |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Campaign} | {r.Runs} | {r.Figures} | {r.Target} | {(r.Passed ? "pass" : "**fail**")} |");
        }

        return results.All(r => r.Passed) ? 0 : 1;
    }
}

/// <summary>How many runs each campaign makes: the documented counts, or a smaller set for a quick check.</summary>
internal sealed record Scale(int MalformedRepeats, int Kills, int Signals, int FreshnessRounds, int HttpRequests)
{
    public static readonly Scale Full = new(1, 20, 10, 5, 5_000);
    public static readonly Scale Quick = new(1, 3, 2, 1, 500);
}
