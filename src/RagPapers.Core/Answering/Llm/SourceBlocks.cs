using System.Globalization;
using System.Text;
using RagPapers.Papers;
using RagPapers.Text;

namespace RagPapers.Answering.Llm;

/// <summary>
/// Formats sources as delimited data blocks for the model:
/// <c>&lt;source n="1" id="…" date="…" title="…"&gt;abstract&lt;/source&gt;</c>.
/// </summary>
/// <remarks>
/// Why escape: an abstract is untrusted text. With &amp;, &lt; and &gt; escaped (and quotes in attributes), no
/// abstract can write "&lt;/source&gt;" and so step outside its block; whatever it says ("ignore previous
/// instructions…") stays quoted data, which the system prompt tells the model never to obey.
/// Titles and abstracts are given as people read them (<see cref="DisplayText"/>): a model shown "$\alpha$" and
/// "10\%" tends to write them back, and the markup costs tokens; its quotes are checked against the stored text by
/// the composer, not taken from its words, so nothing verifiable is lost.
/// </remarks>
internal static class SourceBlocks
{
    public const string Close = "</source>";

    public static string Format(int n, Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var date = paper.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
        return new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<source n=\"{n}\" id=\"{Attribute(paper.Id)}\" date=\"{date}\" title=\"{Attribute(DisplayText.Clean(paper.Title))}\">\n")
            .Append(Text(DisplayText.Clean(paper.Abstract.Trim())))
            .Append('\n').Append(Close)
            .ToString();
    }

    /// <summary>Every source of the book in number order, separated by blank lines.</summary>
    public static string FormatAll(SourceBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return string.Join("\n\n", book.Snapshot().Select((p, i) => Format(i + 1, p.Paper)));
    }

    internal static string Text(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Attribute(string value) =>
        Text(value).Replace("\"", "&quot;", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
