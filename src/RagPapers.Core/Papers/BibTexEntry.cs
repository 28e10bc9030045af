namespace RagPapers.Papers;

/// <summary>One parsed BibTeX entry: raw field values (inner braces kept) keyed by lower-case field name.</summary>
internal sealed record BibTexEntry(string Type, string Key, int Line, IReadOnlyDictionary<string, string> Fields);
