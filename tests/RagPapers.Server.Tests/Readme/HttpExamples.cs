using System.Text.RegularExpressions;

namespace RagPapers.Server.Tests.Readme;

/// <summary>
/// Finds the README's captured curl commands and compares the response shown with the real one. The shown response
/// is a pattern: "…" stands for text the README shortened, a traceId, conversationId or timing (…Ms) for any value,
/// and a JSON body the README spread over lines is compared as the one line the server sends.
/// </summary>
public static partial class HttpExamples
{
    public const string Prompt = "$ curl ";

    /// <summary>The examples, each with the reason it is not run when a block needs what one server cannot show (keys set at start, files on disk, a moment during start-up).</summary>
    public static IReadOnlyList<HttpExample> Parse(IReadOnlyList<string> readme)
    {
        var examples = new List<HttpExample>();
        for (var i = 0; i < readme.Count; i++)
        {
            if (readme[i].Trim() != "```text")
            {
                continue;
            }

            var end = i + 1;
            while (end < readme.Count && !readme[end].StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            AddBlock(readme, i + 1, end, examples);
            i = end;
        }

        return examples;
    }

    /// <summary>Whether <paramref name="actual"/> is what the README shows.</summary>
    public static bool Matches(IReadOnlyList<string> shown, string actual) =>
        Pattern(shown).IsMatch(actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));

    /// <summary>The README with each example's shown response replaced by the real one, except where a shortened one still matches.</summary>
    public static string Refresh(IReadOnlyList<string> readme, IReadOnlyList<HttpExample> examples, IReadOnlyList<string?> actual)
    {
        var result = new List<string>(readme);
        for (var k = examples.Count - 1; k >= 0; k--)
        {
            if (actual[k] is { } output && !Matches(examples[k].Output, output))
            {
                result.RemoveRange(examples[k].OutputStart, examples[k].OutputEnd - examples[k].OutputStart);
                result.InsertRange(examples[k].OutputStart, output.TrimEnd('\n').Split('\n'));
            }
        }

        return string.Join('\n', result) + "\n";
    }

    /// <summary>The 32-hex-digit conversation ids of a text, in order, so later commands can use the real ones.</summary>
    public static IEnumerable<string> ConversationIds(string text) => ConversationId().Matches(text).Select(m => m.Groups["id"].Value);

    private static void AddBlock(IReadOnlyList<string> readme, int start, int end, List<HttpExample> examples)
    {
        var commands = Enumerable.Range(start, end - start).Where(i => readme[i].StartsWith("$ ", StringComparison.Ordinal)).ToArray();
        var notRun = commands.Any(i => !readme[i].StartsWith(Prompt, StringComparison.Ordinal)) ? "its block sets up keys, files or a server of its own"
            : commands.Any(i => readme[i].Contains(" # ", StringComparison.Ordinal)) ? "its block shows moments of the start-up (see its comments)"
            : null;
        foreach (var at in commands.Where(i => readme[i].StartsWith(Prompt, StringComparison.Ordinal)))
        {
            var command = readme[at][2..];
            var next = at + 1;
            while (command.EndsWith('\\') && next < end)
            {
                command = command[..^1] + " " + readme[next++].Trim();
            }

            var outputEnd = next;
            while (outputEnd < end && !readme[outputEnd].StartsWith("$ ", StringComparison.Ordinal))
            {
                outputEnd++;
            }

            while (outputEnd > next && readme[outputEnd - 1].Trim().Length == 0)
            {
                outputEnd--;
            }

            examples.Add(new HttpExample(command, readme.Skip(next).Take(outputEnd - next).ToArray(), next, outputEnd, notRun));
        }
    }

    private static Regex Pattern(IReadOnlyList<string> shown)
    {
        // A JSON body spread over lines (each further line starts with a space) is one line on the wire.
        var text = string.Join('\n', shown).Replace("\n ", "", StringComparison.Ordinal);
        var pattern = Regex.Escape(text).Replace("…", @"[\s\S]*?", StringComparison.Ordinal);
        pattern = TraceId().Replace(pattern, "\"traceId\":\"[^\"]+\"");
        pattern = ConversationId().Replace(pattern, "\"conversationId\":\"[0-9a-f]{32}\"");
        pattern = Timing().Replace(pattern, "Ms\":[0-9.]+");
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
    }

    [GeneratedRegex("\"traceId\":\"[^\"]+\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("\"conversationId\":\\s?\"(?<id>[0-9a-f]{32})\"")]
    private static partial Regex ConversationId();

    [GeneratedRegex(@"Ms"":[0-9]+(?:\\\.[0-9]+)?")]
    private static partial Regex Timing();
}
