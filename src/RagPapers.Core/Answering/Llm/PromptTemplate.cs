using System.Text;
using System.Text.RegularExpressions;

namespace RagPapers.Answering.Llm;

/// <summary>
/// A prompt file with {{name}} placeholders. Rendering is one pass over the template, so a value that itself
/// contains "{{question}}" (an abstract can) is inserted as text and never expanded.
/// </summary>
internal sealed partial class PromptTemplate
{
    private readonly string _text;

    private PromptTemplate(string path, string text, IReadOnlySet<string> placeholders)
    {
        Path = path;
        _text = text;
        Placeholders = placeholders;
    }

    public string Path { get; }

    public IReadOnlySet<string> Placeholders { get; }

    /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/>.</summary>
    /// <exception cref="PromptTemplateException">A placeholder is not one of <paramref name="allowed"/>, a "{{" is not closed, or a required one is missing.</exception>
    public static PromptTemplate Parse(string path, string text, IReadOnlySet<string> allowed, IReadOnlySet<string> required)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Placeholder().Matches(text))
        {
            var name = match.Groups["name"].Value;
            if (!allowed.Contains(name))
            {
                throw new PromptTemplateException(
                    $"{path}:{LineOf(text, match.Index)}: unknown placeholder {{{{{name}}}}}; this prompt may use {Describe(allowed)}.");
            }

            found.Add(name);
        }

        if (Placeholder().Replace(text, "").Contains("{{", StringComparison.Ordinal))
        {
            throw new PromptTemplateException($"{path}: a \"{{{{\" is not a placeholder; write placeholders as {{{{name}}}} with a lower-case name.");
        }

        var missing = required.Where(r => !found.Contains(r)).Order(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            throw new PromptTemplateException($"{path}: the prompt must contain {Describe(missing)}.");
        }

        return new PromptTemplate(path, text, found);
    }

    /// <exception cref="ArgumentException">A placeholder of the template has no value.</exception>
    public string Render(IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(_text, match =>
        {
            var name = match.Groups["name"].Value;
            return values.TryGetValue(name, out var value)
                ? value
                : throw new ArgumentException($"No value for the placeholder {{{{{name}}}}} of {Path}.", nameof(values));
        }).Trim();

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static string Describe(IEnumerable<string> names) =>
        new StringBuilder().AppendJoin(", ", names.Order(StringComparer.Ordinal).Select(n => $"{{{{{n}}}}}")).ToString();

    [GeneratedRegex(@"\{\{\s*(?<name>[a-z_]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
