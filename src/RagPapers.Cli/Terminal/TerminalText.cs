using System.Buffers;
using System.Text;

namespace RagPapers.Cli.Terminal;

/// <summary>
/// The terminal's last line of defence: text from papers is cleaned at ingest, but a store written by an older
/// version, or a file name, may still carry control characters; none reaches the terminal, where ESC sequences
/// retitle windows or clear screens. Newline and tab are kept; everything else in C0, DEL, C1 and the
/// bidirectional overrides is dropped.
/// </summary>
internal static class TerminalText
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not '\n' and not '\t').Select(c => (char)c)) + "\u007f"
        + string.Concat(Enumerable.Range(0x80, 0x20).Select(c => (char)c))
        + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069");

    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(Unsafe) < 0)
        {
            return text ?? "";
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Unsafe.Contains(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}
