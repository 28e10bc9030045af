namespace RagPapers.Papers;

/// <summary>BibTeX author lists: names joined by "and" outside braces, each "Last, First" or "First Last".</summary>
internal static class BibTexNames
{
    /// <summary>Splits on the word "and" at brace depth 0, so "{Barnes and Noble}" stays one name.</summary>
    public static IEnumerable<string> Split(string authors)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < authors.Length; i++)
        {
            depth += authors[i] == '{' ? 1 : authors[i] == '}' ? -1 : 0;
            if (depth == 0 && IsAndAt(authors, i))
            {
                yield return authors[start..i];
                start = i + 4;
                i += 3;
            }
        }

        yield return authors[start..];
    }

    /// <summary>"Vaswani, Ashish" → "Ashish Vaswani"; "others" (from "and others") is dropped.</summary>
    public static string ToDisplayName(string name)
    {
        var plain = LatexText.ToPlain(name);
        if (plain.Equals("others", StringComparison.OrdinalIgnoreCase))
        {
            return "";
        }

        var comma = plain.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? plain : Whitespace.Collapse(plain[(comma + 1)..] + " " + plain[..comma]);
    }

    // " and " with any whitespace on both sides (entries wrap lines inside author lists).
    private static bool IsAndAt(string text, int i) =>
        i > 0 && char.IsWhiteSpace(text[i]) && i + 4 < text.Length
        && string.Compare(text, i + 1, "and", 0, 3, StringComparison.OrdinalIgnoreCase) == 0
        && char.IsWhiteSpace(text[i + 4]);
}
