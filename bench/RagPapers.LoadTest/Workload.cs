using System.Text;

namespace RagPapers.LoadTest;

/// <summary>
/// The requests of a scenario, cycling through questions about the bundled collection (and a few it does not
/// cover, so "no evidence" answers are part of the mix), like many users asking different things.
/// </summary>
internal static class Workload
{
    // One list for every load tool (this client, the in-process bench, the wrk scripts): bench/questions.txt.
    private static readonly string[] Questions = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "questions.txt"));

    /// <summary>
    /// Request <paramref name="i"/> of a scenario: "search" and "ask" cycle through the questions (repeated questions,
    /// as from many users); "search-unique" and "ask-unique" add the request number, so no two are alike and every
    /// one runs the whole retrieval.
    /// </summary>
    public static HttpRequestMessage Create(string scenario, int i)
    {
        var question = Questions[i % Questions.Length] + (scenario.EndsWith("-unique", StringComparison.Ordinal) ? $" {i}" : "");
        return scenario switch
        {
            "search" or "search-unique" => new HttpRequestMessage(HttpMethod.Get, "/api/search?q=" + Uri.EscapeDataString(question) + "&top=10"),
            "ask" or "ask-unique" => new HttpRequestMessage(HttpMethod.Post, "/api/ask")
            {
                Content = new StringContent($$"""{"question": "{{question}}"}""", Encoding.UTF8, "application/json"),
            },
            _ => throw new ArgumentException($"unknown scenario {scenario}; use search, ask, search-unique or ask-unique"),
        };
    }
}
