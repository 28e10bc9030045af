namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The statistics feedback needs for one query on a large store: the candidates' own terms (<paramref name="candidates"/>,
/// tokenized by FTS5 for this query) with the collection's document frequencies and totals from <see cref="FtsTermRows"/>.
/// Only the terms of the feedback chunks have a frequency (<paramref name="frequencies"/>, by candidate term id): those
/// are the only ones feedback weighs.
/// </summary>
internal sealed class CandidateTermStatistics(FtsTermStatistics candidates, IReadOnlyDictionary<int, long> frequencies, long chunks, long tokens)
    : IKeywordStatistics
{
    public int ChunkCount { get; } = (int)Math.Min(int.MaxValue, chunks);

    public double AverageLength { get; } = chunks == 0 ? 0 : (double)tokens / chunks;

    public int TermCount => candidates.TermCount;

    public string Term(int id) => candidates.Term(id);

    public int DocumentFrequency(int termId) => (int)Math.Min(int.MaxValue, frequencies.GetValueOrDefault(termId));

    public bool TryGetChunk(long chunkId, out FtsTermStatistics.ChunkTerms terms) => candidates.TryGetChunk(chunkId, out terms);
}
