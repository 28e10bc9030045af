using System.Globalization;

namespace RagPapers.Reliability;

/// <summary>
/// Hostile abstracts through every front-end: the CLI's commands and chat, the HTTP API (raw bodies and headers),
/// and the Discord bot's messages (as its webhook stand-in receives them). No control code, masked link, mention
/// or raw &lt;script&gt; may get through.
/// </summary>
internal static class HostileTextCampaign
{
    public static async Task<CampaignResult> RunAsync(Scale scale)
    {
        var folder = Repo.TempFolder("hostile");
        try
        {
            var collection = Directory.CreateDirectory(Path.Combine(folder, "collection")).FullName;
            await File.WriteAllLinesAsync(Path.Combine(collection, "hostile.jsonl"), HostileText.JsonLines());
            var cli = await CliAsync(collection, Path.Combine(folder, "cli.db"));
            var (http, discord, messages) = await ServerAsync(collection, Path.Combine(folder, "server.db"));
            Console.Error.WriteLine($"  cli {cli.Outputs} outputs: {cli.Leaks} leaks; http: {http} leaks; discord {messages} messages: {discord} leaks");
            var total = cli.Leaks + http + discord;
            return new CampaignResult(
                "hostile abstracts", $"6 papers; CLI {cli.Outputs} runs, HTTP 5 endpoints, Discord {messages} messages",
                $"{cli.Leaks} CLI, {http} HTTP, {discord} Discord leaks of a control code, link, mention or raw <script>",
                "0 reach any front-end", total == 0 && messages > 0);
        }
        finally
        {
            Repo.Delete(folder);
        }
    }

    private static async Task<(int Outputs, int Leaks)> CliAsync(string collection, string store)
    {
        string[][] runs =
        [
            ["ingest", collection, "--store", store],
            ["search", "owned screens hostile links", "--store", store],
            ["ask", "What do papers say about owned screens and hostile links?", "--store", store],
            ["papers", "--list", "--store", store],
        ];
        var leaks = 0;
        foreach (var args in runs)
        {
            var outcome = await ChildProcess.RunCliAsync(args, TimeSpan.FromMinutes(2));
            leaks += HostileText.ControlCharacters(outcome.StandardOutput + outcome.StandardError) + (outcome.ExitCode == 0 ? 0 : 1);
        }

        using var chat = ChildProcess.Start(Repo.Cli, ["--store", store]);
        // The chat reads its input line by line: a question, then the first source in full.
        var repl = await ReplAsync(chat, "owned screens and hostile links\n/paper 1\n/sources\n/quit\n");
        return (runs.Length + 1, leaks + HostileText.ControlCharacters(repl));
    }

    private static async Task<string> ReplAsync(ChildProcess chat, string input)
    {
        await chat.WriteAndCloseInputAsync(input);
        var outcome = await chat.WaitAsync(TimeSpan.FromMinutes(2));
        return outcome.StandardOutput + outcome.StandardError;
    }

    private static async Task<(int Http, int Discord, int Messages)> ServerAsync(string collection, string store)
    {
        var signer = new InteractionSigner();
        await using var discord = await DiscordStandIn.StartAsync();
        await using var server = await ServerProcess.StartAsync(store, collection,
            [$"--Discord:PublicKey={signer.PublicKeyHex}", $"--Discord:ApplicationId={InteractionSigner.ApplicationId}", $"--Discord:ApiBaseUrl={discord.ApiBaseUrl}"]);
        var http = await HttpLeaksAsync(server);

        (string Name, string Option, string Value)[] commands =
            [("ask", "question", "What do papers say about owned screens and hostile links?"), ("search", "query", "owned screens hostile links"), ("paper", "id-or-title", "2402.00001"), ("similar", "paper", "2402.00002")];
        var leaks = 0;
        foreach (var (name, option, value) in commands)
        {
            var (id, token) = ("1" + Random.Shared.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999).ToString(CultureInfo.InvariantCulture), "token" + Guid.NewGuid().ToString("N"));
            using var response = await server.Client.SendAsync(signer.Command(id, token, name, option, value));
            leaks += response.IsSuccessStatusCode && await discord.WaitForReplyAsync(token, TimeSpan.FromSeconds(60)) ? 0 : 1;
        }

        var texts = discord.Messages.SelectMany(m => DiscordStandIn.TextOf(m.Body)).ToList();
        leaks += texts.Sum(HostileText.DiscordMarkup);
        return (http, leaks, discord.Messages.Count);
    }

    private static async Task<int> HttpLeaksAsync(ServerProcess server)
    {
        string[] gets = ["/api/search?q=owned+screens+hostile+links", "/api/papers/2402.00001", "/api/papers?query=hostile", "/api/papers/2402.00001/similar"];
        var leaks = 0;
        foreach (var path in gets)
        {
            using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
            leaks += await LeaksAsync(response);
        }

        using var ask = await server.Client.PostAsync(new Uri("/api/ask", UriKind.Relative),
            new StringContent("""{"question": "What do papers say about owned screens and hostile links?"}""", System.Text.Encoding.UTF8, "application/json"));
        return leaks + await LeaksAsync(ask);
    }

    private static async Task<int> LeaksAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var nosniff = response.Headers.TryGetValues("X-Content-Type-Options", out var values) && values.Contains("nosniff");
        return HostileText.ControlCharacters(body) + (body.Contains("<script>", StringComparison.Ordinal) ? 1 : 0)
            + (nosniff ? 0 : 1) + (response.IsSuccessStatusCode ? 0 : 1);
    }
}
