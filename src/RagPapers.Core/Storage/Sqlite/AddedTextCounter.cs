namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Counts what a batch adds to the term counts and keyword postings (<see cref="FtsTermChanges"/>) and to the
/// vocabulary (<see cref="VocabularyDelta"/>) on the thread pool, while the store's connection inserts the batch: both
/// depend on the new papers alone, and SQLite lets one connection write at a time, so on two cores this work leaves the
/// writer's path. What a write removes is read from the store in the write's transaction and stays counted there.
/// </summary>
internal static class AddedTextCounter
{
    /// <summary>The counts for every paper and chunk of <paramref name="batch"/>, and their keyword postings, computed on the thread pool.</summary>
    /// <param name="firstChunkId">The id the batch's first inserted chunk gets; the others follow in insertion order.</param>
    /// <param name="fts5Only">Tokenize every chunk through FTS5 (<see cref="FtsTermChanges"/>).</param>
    /// <remarks>
    /// The words and the terms are counted apart, each on its own thread: the write waits for the slower of the two
    /// rather than for both one after the other, and the writer's own inserts take less time than either.
    /// </remarks>
    public static async Task<(FtsTermChanges Terms, VocabularyDelta Words)> CountAsync(IReadOnlyList<PaperDocument> batch, long firstChunkId, bool fts5Only, CancellationToken cancellationToken)
    {
        var words = Task.Run(() => CountWords(batch), cancellationToken);
        var terms = Task.Run(() => CountTermsAsync(batch, firstChunkId, fts5Only, cancellationToken), cancellationToken);
        await Task.WhenAll(words, terms); // both finished, even when one failed
        return (await terms, await words);
    }

    private static VocabularyDelta CountWords(IReadOnlyList<PaperDocument> batch)
    {
        var words = new VocabularyDelta();
        foreach (var document in batch)
        {
            words.Add(document.Paper.Title, document.Paper.Abstract);
        }

        return words;
    }

    private static async Task<FtsTermChanges> CountTermsAsync(IReadOnlyList<PaperDocument> batch, long firstChunkId, bool fts5Only, CancellationToken cancellationToken)
    {
        var terms = new FtsTermChanges(fts5Only);
        // A paper written twice in one batch keeps its last version: the first one's chunks are inserted, then deleted.
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            last[batch[i].Paper.Id] = i;
        }

        var chunkId = firstChunkId;
        for (var i = 0; i < batch.Count; i++)
        {
            var document = batch[i];
            foreach (var indexed in document.Chunks)
            {
                terms.Add(document.Paper.Title, indexed.Chunk.Text, last[document.Paper.Id] == i ? chunkId : null);
                chunkId++;
            }
        }

        await terms.CountOnOwnConnectionAsync(cancellationToken);
        return terms;
    }
}
