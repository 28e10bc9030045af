using Spectre.Console;

namespace RagPapers.Cli.Terminal;

/// <summary>
/// Breaks styled text into lines at word boundaries: the first line starts at <c>indent</c>, the others at
/// <c>hangingIndent</c>, and no line is wider than the width (a word longer than a line is cut). Widths are terminal
/// cells, so wide characters count double. Pieces of text not separated by a space stay one word ("[1]." too).
/// </summary>
internal static class WordWrapper
{
    public static IReadOnlyList<IReadOnlyList<StyledText>> Wrap(IReadOnlyList<StyledText> pieces, int width, int indent, int hangingIndent)
    {
        var lines = new List<IReadOnlyList<StyledText>>();
        var line = new List<StyledText>();
        var column = indent;
        foreach (var word in Words(pieces))
        {
            if (word is null)
            {
                lines.Add(line);
                (line, column) = ([], hangingIndent);
                continue;
            }

            var wordWidth = word.Sum(p => p.Text.GetCellWidth());
            if (line.Count > 0 && column + 1 + wordWidth > width)
            {
                lines.Add(line);
                (line, column) = ([], hangingIndent);
            }
            else if (line.Count > 0)
            {
                line.Add(" ");
                column++;
            }

            column = Place(word, line, lines, column, Math.Max(1, width), hangingIndent);
        }

        lines.Add(line);
        return lines;
    }

    // Appends the word, cutting it where it cannot fit on a line of its own; returns the column after it.
    private static int Place(List<StyledText> word, List<StyledText> line, List<IReadOnlyList<StyledText>> lines, int column, int width, int hangingIndent)
    {
        foreach (var piece in word)
        {
            var rest = piece.Text;
            while (rest.Length > 0)
            {
                var room = width - column;
                var take = room > 0 ? Fit(rest, room) : 0;
                if (take == 0)
                {
                    lines.Add([.. line]);
                    line.Clear();
                    column = hangingIndent;
                    take = Math.Max(1, Fit(rest, Math.Max(1, width - column)));
                }

                line.Add(piece with { Text = rest[..take] });
                column += rest[..take].GetCellWidth();
                rest = rest[take..];
            }
        }

        return column;
    }

    private static int Fit(string text, int cells)
    {
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            used += text[i].GetCellWidth();
            if (used > cells)
            {
                return i;
            }
        }

        return text.Length;
    }

    // The words of the pieces, each a list of styled parts; null marks a line break.
    private static IEnumerable<List<StyledText>?> Words(IReadOnlyList<StyledText> pieces)
    {
        var word = new List<StyledText>();
        foreach (var piece in pieces)
        {
            var start = 0;
            for (var i = 0; i <= piece.Text.Length; i++)
            {
                if (i < piece.Text.Length && piece.Text[i] is not (' ' or '\n'))
                {
                    continue;
                }

                if (i > start)
                {
                    word.Add(piece with { Text = piece.Text[start..i] });
                }

                if (i < piece.Text.Length)
                {
                    if (word.Count > 0)
                    {
                        yield return word;
                        word = [];
                    }

                    if (piece.Text[i] == '\n')
                    {
                        yield return null;
                    }
                }

                start = i + 1;
            }
        }

        if (word.Count > 0)
        {
            yield return word;
        }
    }
}
