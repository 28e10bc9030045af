namespace RagPapers.Storage.Sqlite;

/// <summary>
/// What feedback (<see cref="Rm3Reranker"/>) asks of the collection: its size and average chunk length, each term's
/// document frequency, and the terms of a candidate chunk. <see cref="FtsTermStatistics"/> answers from memory for the
/// whole collection; <see cref="CandidateTermStatistics"/> for the candidates of one query, with counts read from disk.
/// </summary>
internal interface IKeywordStatistics
{
    /// <summary>Live chunks: bm25's N.</summary>
    int ChunkCount { get; }

    /// <summary>Tokens per chunk, both columns together: FTS5's avgdl.</summary>
    double AverageLength { get; }

    /// <summary>Term ids run from 0 to this, exclusive.</summary>
    int TermCount { get; }

    /// <summary>The stemmed term of an id.</summary>
    string Term(int id);

    /// <summary>Chunks holding the term in either column.</summary>
    int DocumentFrequency(int termId);

    /// <summary>The term counts of a chunk (by rowid), if it has any.</summary>
    bool TryGetChunk(long chunkId, out FtsTermStatistics.ChunkTerms terms);
}
