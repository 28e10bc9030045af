namespace RagPapers.Storage.Sqlite;

/// <summary>One suffix rule of <see cref="FtsPorterStemmer"/>: a word ending in <paramref name="Suffix"/> whose stem meets the condition ends in <paramref name="Replacement"/> instead.</summary>
internal readonly record struct PorterRule(byte[] Suffix, byte[] Replacement, PorterCondition Condition);
