namespace RagPapers.Retrieval.Spelling;

/// <summary>A query after spelling correction: <paramref name="Text"/> is the query as searched, the same string when nothing was corrected.</summary>
public sealed record SpellingCorrection(string Text, IReadOnlyList<WordCorrection> Corrections)
{
    public bool Changed => Corrections.Count > 0;

    public static SpellingCorrection None(string query) => new(query, []);
}

/// <summary>One word replaced: as the user typed it and as it was searched.</summary>
public sealed record WordCorrection(string Typed, string Corrected);
