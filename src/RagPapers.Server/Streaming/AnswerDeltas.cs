namespace RagPapers.Server.Streaming;

/// <summary>
/// Cuts a finished answer into the pieces a stream sends as deltas: one per sentence or citation group, the
/// whitespace after it included, so the pieces concatenate to exactly the answer text.
/// </summary>
/// <remarks>
/// The extractive writer produces its answer at once; streaming it sentence by sentence still lets a client
/// render progressively with the same code it will use for a token-streaming writer.
/// </remarks>
public static class AnswerDeltas
{
    public static IEnumerable<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!EndsPiece(text, i))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is ' ' or '\t')
            {
                end++;
            }

            if (end < text.Length && text[end] == '\n')
            {
                end++; // the line break belongs to the line it ends
            }

            yield return text[start..end];
            start = end;
            i = end - 1;
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    // A piece ends at a line break, after a citation "[n]" followed by a space, or at a sentence end followed by a
    // space that is not about to be cited ("… done. [1]" keeps its citation).
    private static bool EndsPiece(string text, int i)
    {
        var c = text[i];
        if (c == '\n')
        {
            return true;
        }

        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        if (c == ']' && next is ' ' or '\n')
        {
            return true;
        }

        return c is '.' or '!' or '?' && next == ' ' && (i + 2 >= text.Length || text[i + 2] != '[');
    }
}
