using System.Text;

namespace RagPapers.Discord.Rendering;

/// <summary>Escapes text from papers and users so Discord shows it as written ("f_theta", "a*b") rather than as formatting.</summary>
internal static class DiscordMarkdown
{
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        var lineStart = true;
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' || (lineStart && c is '>' or '#' or '-'))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }

        return escaped.ToString();
    }
}
