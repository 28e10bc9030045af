using System.Globalization;

namespace RagPapers.LoadTest;

/// <summary>Command line: --requests N --connections N --warmup N --scenarios search,ask [--url URL --server-pid PID] [-- server args].</summary>
internal sealed record LoadTestOptions(
    int Requests,
    int Connections,
    int Warmup,
    IReadOnlyList<string> Scenarios,
    Uri? Url,
    int? ServerPid,
    IReadOnlyList<string> ServerArgs)
{
    public static LoadTestOptions Parse(string[] args)
    {
        var options = new LoadTestOptions(100_000, 32, 2_000, ["search", "ask"], null, null, []);
        var serverArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--")
            {
                serverArgs.AddRange(args[(i + 1)..]);
                break;
            }

            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i - 1] switch
            {
                "--requests" => options with { Requests = Int(value) },
                "--connections" => options with { Connections = Int(value) },
                "--warmup" => options with { Warmup = Int(value) },
                "--scenarios" => options with { Scenarios = value.Split(',', StringSplitOptions.RemoveEmptyEntries) },
                "--url" => options with { Url = new Uri(value) },
                "--server-pid" => options with { ServerPid = Int(value) },
                var unknown => throw new ArgumentException($"unknown option {unknown}; see LoadTestOptions.cs"),
            };
        }

        return options with { ServerArgs = serverArgs };
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
