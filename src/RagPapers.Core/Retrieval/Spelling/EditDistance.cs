namespace RagPapers.Retrieval.Spelling;

/// <summary>
/// Damerau-Levenshtein distance in its optimal-string-alignment form (what spelling correctors use): insertions,
/// deletions, substitutions and swaps of two adjacent letters each cost 1, and no substring is edited twice.
/// </summary>
internal static class EditDistance
{
    /// <summary>The longest word measured; <see cref="Text.SurfaceWords.MaxLength"/> bounds both sides.</summary>
    private const int MaxLength = 64;

    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>, or <paramref name="max"/> + 1 as soon as it must exceed <paramref name="max"/>.</summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (a.Length > MaxLength || b.Length > MaxLength)
        {
            throw new ArgumentException($"Words are at most {MaxLength} characters long.");
        }

        // Three rows of the dynamic programme: i - 2 (for swaps), i - 1, i.
        Span<int> twoBack = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, twoBack[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            // Every later cell grows from some cell of this row, so none can come back under the bound.
            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], max + 1);
    }
}
