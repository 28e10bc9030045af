using System.Text;
using System.Text.RegularExpressions;

namespace RagPapers.Cli.Tests.Readme;

/// <summary>
/// Finds the README's captured CLI commands and compares their shown output with real output, after a small
/// normalisation (documented in the README's "A short tour"): elapsed times become "&lt;time&gt;", the progress bar
/// (drawn only on a terminal) and dotnet's build lines are not compared, trailing spaces and blank lines go.
/// </summary>
public static partial class ReadmeExamples
{
    public const string Prompt = "$ dotnet run --project src/RagPapers.Cli";

    public static IReadOnlyList<ReadmeExample> Parse(IReadOnlyList<string> readme)
    {
        var examples = new List<ReadmeExample>();
        var inText = false;
        for (var i = 0; i < readme.Count; i++)
        {
            var line = readme[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inText = !inText && line.Trim() == "```text";
                continue;
            }

            if (!inText || !IsCommand(line))
            {
                continue;
            }

            var end = i + 1;
            while (end < readme.Count && !readme[end].StartsWith("```", StringComparison.Ordinal) && !readme[end].StartsWith("$ ", StringComparison.Ordinal))
            {
                end++;
            }

            var shown = readme.Skip(i + 1).Take(end - i - 1).ToList();
            while (shown.Count > 0 && shown[^1].Trim().Length == 0)
            {
                shown.RemoveAt(shown.Count - 1);
            }

            var input = shown.Where(l => l.StartsWith("> ", StringComparison.Ordinal)).Select(l => l[2..]).ToArray();
            examples.Add(new ReadmeExample(line, Arguments(line[Prompt.Length..]), input, shown, i + 1, i + 1 + shown.Count));
        }

        return examples;
    }

    /// <summary>The real output as a terminal would show the session: each chat prompt followed by what was typed at it.</summary>
    public static IReadOnlyList<string> AsShown(string output, IReadOnlyList<string> input)
    {
        var lines = new List<string>();
        var typed = 0;
        foreach (var raw in output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
        {
            var line = raw;
            while (typed < input.Count && line.StartsWith("> ", StringComparison.Ordinal))
            {
                lines.Add("> " + input[typed++]);
                line = line[2..];
            }

            if (line.Length > 0 || raw.Length == 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>The lines as compared: times replaced, terminal-only and build lines dropped, trailing blanks trimmed.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> lines)
    {
        var kept = lines
            .Select(l => Elapsed().Replace(l.TrimEnd(), "${word} <time> ${unit}"))
            .Where(l => !ProgressBar().IsMatch(l) && !BuildLine().IsMatch(l))
            .ToList();
        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return kept;
    }

    /// <summary>The README with each example's shown output replaced by <paramref name="outputs"/>; terminal-only lines shown before are kept.</summary>
    public static string Refresh(IReadOnlyList<string> readme, IReadOnlyList<ReadmeExample> examples, IReadOnlyList<IReadOnlyList<string>> outputs)
    {
        var result = new List<string>(readme);
        for (var k = examples.Count - 1; k >= 0; k--)
        {
            var example = examples[k];
            var terminalOnly = example.Output.TakeWhile(l => ProgressBar().IsMatch(l));
            result.RemoveRange(example.OutputStart, example.OutputEnd - example.OutputStart);
            result.InsertRange(example.OutputStart, terminalOnly.Concat(outputs[k].Select(l => l.TrimEnd())));
        }

        return string.Join('\n', result) + "\n";
    }

    private static bool IsCommand(string line) =>
        line.StartsWith(Prompt, StringComparison.Ordinal) && (line.Length == Prompt.Length || line[Prompt.Length..].StartsWith(" -- ", StringComparison.Ordinal));

    // The command line after "--", split as a POSIX shell splits it for these examples: words, "double" and 'single' quotes.
    private static List<string> Arguments(string rest)
    {
        var text = rest.TrimStart();
        text = text.StartsWith("-- ", StringComparison.Ordinal) ? text[3..] : text;
        var args = new List<string>();
        var current = new StringBuilder();
        var quote = '\0';
        var inWord = false;
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                (quote, inWord) = (c, true);
            }
            else if (c == ' ')
            {
                if (inWord)
                {
                    args.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            args.Add(current.ToString());
        }

        return args;
    }

    [GeneratedRegex(@"(?<word>\bin) \d+(?:\.\d+)? (?<unit>s|ms)\b")]
    private static partial Regex Elapsed();

    [GeneratedRegex(@"^.+ \[[#.]+\] \d+/\d+$")]
    private static partial Regex ProgressBar();

    [GeneratedRegex(@"^(?:Building\.\.\.|\s*Restored .*|\s*Determining projects to restore\.\.\.)$")]
    private static partial Regex BuildLine();
}
