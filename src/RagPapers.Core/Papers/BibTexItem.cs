namespace RagPapers.Papers;

/// <summary>What the BibTeX parser found at <paramref name="Line"/>: an entry, or a problem with the entry starting there.</summary>
internal readonly record struct BibTexItem(int Line, BibTexEntry? Entry, string? Problem);
