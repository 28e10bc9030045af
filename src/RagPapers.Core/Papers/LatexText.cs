using System.Text;

namespace RagPapers.Papers;

/// <summary>
/// BibTeX field text to plain text: grouping braces go, escaped characters and accents become the characters
/// they stand for ("Schr{\"o}dinger" → "Schrödinger"), formatting commands keep only their argument.
/// </summary>
internal static class LatexText
{
    private static readonly Dictionary<string, string> Letters = new(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["o"] = "ø", ["O"] = "Ø", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ",
        ["aa"] = "å", ["AA"] = "Å", ["l"] = "ł", ["L"] = "Ł", ["i"] = "i", ["j"] = "j",
    };

    public static string ToPlain(string latex)
    {
        var plain = new StringBuilder(latex.Length);
        for (var i = 0; i < latex.Length; i++)
        {
            var c = latex[i];
            if (c == '\\' && i + 1 < latex.Length)
            {
                i = AppendCommand(latex, i + 1, plain);
            }
            else if (c == '~')
            {
                plain.Append(' ');
            }
            else if (c is not ('{' or '}' or '$'))
            {
                plain.Append(c);
            }
        }

        return Whitespace.Collapse(plain.ToString());
    }

    // At the character after '\'; appends what the command stands for and returns the index of its last character.
    private static int AppendCommand(string latex, int start, StringBuilder plain)
    {
        var end = start;
        while (end < latex.Length && char.IsAsciiLetter(latex[end]))
        {
            end++;
        }

        if (end == start)
        {
            // A symbol command: an accent (\'e), a line break (\\) or an escaped character (\&, \%, \_, \{).
            return LatexAccents.IsSymbolAccent(latex[start]) ? AppendAccented(latex, start + 1, latex[start], plain)
                : Append(plain, latex[start] == '\\' ? ' ' : latex[start], start);
        }

        var name = latex[start..end];
        if (LatexAccents.IsLetterAccent(name) && end < latex.Length && latex[end] is '{' or ' ')
        {
            return AppendAccented(latex, end, name[0], plain);
        }

        if (Letters.TryGetValue(name, out var letter))
        {
            plain.Append(letter);
            while (end < latex.Length && latex[end] == ' ')
            {
                end++; // as in TeX, the space after a control word only ends it: "Stra\ss e" is "Straße"
            }
        }
        else if (end >= latex.Length || latex[end] != '{')
        {
            plain.Append(name); // a symbol such as \alpha reads better as its name than as nothing
        }

        // Formatting commands (\emph{…}, \textbf{…}) vanish; their argument stays as ordinary text.
        return end - 1;
    }

    private static int AppendAccented(string latex, int i, char accent, StringBuilder plain)
    {
        while (i < latex.Length && latex[i] is '{' or ' ')
        {
            i++;
        }

        if (i >= latex.Length)
        {
            return i - 1;
        }

        var dotless = latex[i] == '\\' && i + 1 < latex.Length && latex[i + 1] is 'i' or 'j';
        var baseLetter = dotless ? latex[++i] : latex[i];
        plain.Append(LatexAccents.Compose(accent, baseLetter));
        return i;
    }

    private static int Append(StringBuilder plain, char c, int index)
    {
        plain.Append(c);
        return index;
    }
}
