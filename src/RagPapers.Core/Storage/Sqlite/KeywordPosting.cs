namespace RagPapers.Storage.Sqlite;

/// <summary>
/// One chunk holding a stemmed term: the term's counts in the title and the text, and the chunk's whole length (both
/// columns), which is all bm25() needs of the chunk besides the collection's totals.
/// </summary>
internal readonly record struct KeywordPosting(long Chunk, int TitleCount, int TextCount, int Length);
