using System.Text.RegularExpressions;

namespace RagPapers.Cli;

/// <summary>The parser's messages made to name the option at fault where the parser's own wording does not.</summary>
internal static partial class UsageErrors
{
    /// <summary>
    /// "--json=maybe" reaches the parser as a switch and a stray "maybe", reported as an unrecognized argument; the
    /// message then names the switch and says it takes no value.
    /// </summary>
    public static string Explain(string message, IReadOnlyList<string> args)
    {
        var unrecognized = Unrecognized().Match(message);
        if (!unrecognized.Success)
        {
            return message;
        }

        var value = unrecognized.Groups["value"].Value;
        foreach (var arg in args)
        {
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 && arg[(equals + 1)..] == value)
            {
                return $"{arg[..equals]} is a switch and takes no value: write {arg[..equals]} alone, not '{arg}'.";
            }
        }

        return message;
    }

    [GeneratedRegex("^Unrecognized command or argument '(?<value>.*)'\\.$")]
    private static partial Regex Unrecognized();
}
