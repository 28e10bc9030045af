using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace RagPapers.Cli;

/// <summary>
/// Options whose values are checked while parsing: a bad value is a parse error naming the option and the form it
/// expects ("--top expects a whole number from 1 to 100, not 'zero'"), so the command exits 2 before it opens anything.
/// </summary>
internal static class OptionParsers
{
    public const string DateFormat = "yyyy-MM-dd";

    public static Option<int> WholeNumber(string name, string description, int min, int max, int defaultValue) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = Single(result);
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError($"{name} expects a whole number from {min} to {max}, not '{text}'.");
            return defaultValue;
        },
    };

    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DATE",
        CustomParser = result =>
        {
            var text = Single(result);
            if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"{name} expects a date as {DateFormat} (e.g. 2024-02-29), not '{text}'.");
            return null;
        },
    };

    /// <summary>A text option that must not be blank when given.</summary>
    public static Option<string?> Text(string name, string description, string helpName, string expected, bool recursive = false) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Recursive = recursive,
        CustomParser = result =>
        {
            var text = Single(result);
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }

            result.AddError($"{name} expects {expected}, not an empty value.");
            return null;
        },
    };

    /// <summary>A text option whose value must be one of <paramref name="allowed"/> (case-insensitive).</summary>
    public static Option<string?> OneOf(string name, string description, bool required, params string[] allowed) => new(name)
    {
        Description = description,
        HelpName = string.Join('|', allowed),
        Required = required,
        CustomParser = result =>
        {
            var text = Single(result);
            if (allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } match)
            {
                return match;
            }

            result.AddError($"{name} expects {Alternatives(allowed)}, not '{text}'.");
            return null;
        },
    };

    /// <summary>The option's value for a command validator, or default when the value was malformed (its parse error says why).</summary>
    public static T? ValidValue<T>(CommandResult result, Option<T> option)
    {
        try
        {
            return result.GetValue(option);
        }
        catch (InvalidOperationException)
        {
            return default; // reading a value that failed to parse throws; its own error is already reported
        }
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;

    private static string Alternatives(string[] allowed) =>
        allowed.Length == 1 ? allowed[0] : string.Join(", ", allowed[..^1]) + " or " + allowed[^1];
}
