using System.Text;

namespace RagPapers.Discord.Rendering;

/// <summary>
/// Escapes text from papers and users so Discord shows it as written rather than acting on it: formatting
/// ("f_theta", "a*b"), quotes and headings at line starts, masked links ("[arXiv:2401.00001](https://evil.example)"
/// stays text, its URL visible), mentions, channels, emoji and timestamps ("&lt;@123&gt;", "&lt;t:0:R&gt;"), and
/// @everyone / @here. The one class every piece of paper text goes through on its way to Discord.
/// </summary>
internal static class DiscordMarkdown
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (NeedsEscape(text, i, lineStart))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(string text, int i, bool lineStart) => text[i] switch
    {
        '\\' or '*' or '_' or '~' or '`' or '|' or '<' => true,
        '>' or '#' or '-' => lineStart,
        '(' => i > 0 && text[i - 1] == ']', // "](" is what makes "[text](url)" a masked link
        '@' => Follows(text, i + 1, "everyone") || Follows(text, i + 1, "here"),
        _ => false,
    };

    private static bool Follows(string text, int at, string word) =>
        text.AsSpan(at).StartsWith(word, StringComparison.Ordinal);
}
