using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

public sealed partial class SqlitePaperIndex
{
    // With the title and text the chunk's terms were counted from, so the on-disk term counts (FtsTermRows) can count them out.
    private const string SelectChunksSql = $"SELECT p.title, {ChunkText.Sql}, c.vector IS NOT NULL FROM chunks c JOIN papers p ON p.id = c.paper_id WHERE c.paper_id = $paper";
    private const string DeleteChunksSql = "DELETE FROM chunks WHERE paper_id = $paper";
    private const string UpsertPaperSql = $"INSERT OR REPLACE INTO papers({PaperRows.Columns}, content_hash) VALUES ($id, $title, $abstract, $authors, $published, $source, $arxiv, $hash)";
    private const string InsertChunkSql = "INSERT INTO chunks(paper_id, ordinal, text, vector) VALUES ($paper, $ordinal, $text, $vector)";
    private const string SelectWordsSql = "SELECT title, abstract FROM papers WHERE id = $id";
    private const string SelectStoredIdsSql = $"SELECT id FROM papers WHERE id IN ({JsonIdList.Values})";

    public async Task UpsertAsync(IReadOnlyList<PaperDocument> batch, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0)
        {
            return;
        }

        using var _ = await LockAsync(cancellationToken);
        CheckChunks(batch);
        await UseLargeCacheAsync(cancellationToken);
        VectorProgress? committed = null;
        try
        {
            using var transaction = _connection!.BeginTransaction();
            var lastIdBefore = await KeywordPostingRows.LastChunkIdAsync(_commands!, transaction, cancellationToken);
            var added = AddedTextCounter.CountAsync(batch, lastIdBefore + 1, CountTermsInFts5Only, cancellationToken);
            using var words = new VocabularyDelta();
            var terms = new FtsTermChanges(CountTermsInFts5Only);
            VectorProgress change;
            try
            {
                change = await WriteDocumentsAsync(batch, words, terms, transaction, cancellationToken);
            }
            finally
            {
                await Task.WhenAny(added); // never leave the counting running past the write, whatever stopped it
            }

            var (addedTerms, addedWords) = await added;
            using var countedWords = addedWords; // its numbering goes back for the next batch's counting, whatever fails
            await WritePostingsAsync(addedTerms, lastIdBefore, batch.Sum(d => d.Chunks.Count), transaction, cancellationToken);
            words.Include(addedWords);
            terms.Include(addedTerms);
            await words.ApplyAsync(_connection, transaction, cancellationToken);
            await FtsTermRows.ApplyAsync(_commands!, transaction, terms, cancellationToken);
            transaction.Commit();
            committed = change;
            Log.BatchUpserted(logger, batch.Count, change.Total);
        }
        catch (SqliteException ex) when (Busy(ex) is { } busy)
        {
            throw busy;
        }
        finally
        {
            await AfterWriteAsync(committed);
        }
    }

    /// <summary>
    /// Drops what was computed from the rows and brings the vector counts up to date: by the committed
    /// <paramref name="change"/> when there is one, else (a failed or cancelled batch, a delete) by counting them again,
    /// so the counts always match the rows. Counting passes over the chunks still waiting for a vector, which in a
    /// keyword-only ingest is every chunk written so far: too much after every batch. The caller holds the lock.
    /// </summary>
    private async Task AfterWriteAsync(VectorProgress? change = null)
    {
        _wroteVectors = true; // a build started for these writes finishes before the store closes
        InvalidateDerivedData();
        if (change is null)
        {
            await RecountVectorsAsync(CancellationToken.None);
            return;
        }

        var before = Progress;
        Volatile.Write(ref _vectorProgress, new VectorProgress(before.Embedded + change.Embedded, before.Total + change.Total));
        await RequestBuildIfDueAsync(CancellationToken.None);
    }

    private void CheckChunks(IReadOnlyList<PaperDocument> batch)
    {
        var dimensions = _embedder!.Dimensions;
        foreach (var document in batch)
        {
            // An empty vector is one the semantic indexer computes later (IDeferredVectorIndex).
            if (document.Chunks.FirstOrDefault(c => !c.Vector.IsEmpty && c.Vector.Length != dimensions) is { } wrong)
            {
                throw new ArgumentException($"Paper {document.Paper.Id} has a {wrong.Vector.Length}-dim vector; the store holds {dimensions}-dim vectors.", nameof(batch));
            }

            // '' stands for the whole abstract (ChunkText); the Chunker never cuts an empty chunk, and one would read back as the abstract.
            if (document.Paper.Abstract.Length > 0 && document.Chunks.Any(c => c.Chunk.Text.Length == 0))
            {
                throw new ArgumentException($"Paper {document.Paper.Id} has an empty chunk; a chunk holds some of the abstract's text.", nameof(batch));
            }
        }
    }

    /// <summary>
    /// Replaces or inserts each paper with its chunks, counting out the words and terms of the versions it replaces;
    /// returns how the chunk and vector counts moved. The replaced chunks' postings stay on disk, for the ranking to skip.
    /// </summary>
    private async Task<VectorProgress> WriteDocumentsAsync(
        IReadOnlyList<PaperDocument> batch, VocabularyDelta words, FtsTermChanges terms, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var change = VectorProgress.Empty;
        var stored = await StoredIdsAsync(batch, transaction, cancellationToken);
        foreach (var document in batch)
        {
            // A new paper has no old version to count out: two look-ups saved per paper of a first ingest.
            var removed = VectorProgress.Empty;
            if (!stored.Add(document.Paper.Id))
            {
                await CountReplacedWordsAsync(document.Paper.Id, words, transaction, cancellationToken);
                removed = await DeleteChunksAsync(document.Paper.Id, terms, transaction, cancellationToken);
            }

            await InsertAsync(document, transaction, cancellationToken);
            var withVectors = document.Chunks.Count(c => !c.Vector.IsEmpty);
            change = new VectorProgress(change.Embedded + withVectors - removed.Embedded, change.Total + document.Chunks.Count - removed.Total);
        }

        return change;
    }

    /// <summary>The ids of the batch the store already holds, in one look-up; a paper the batch writes joins them as it goes in.</summary>
    private async Task<HashSet<string>> StoredIdsAsync(IReadOnlyList<PaperDocument> batch, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        using var reader = await _commands!.Get(SelectStoredIdsSql, transaction).Set("$ids", JsonIdList.From(batch.Select(d => d.Paper.Id))).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(reader.GetString(0));
        }

        return stored;
    }

    /// <summary>Counts out the words of the stored version of a paper about to be replaced; nothing for a new paper.</summary>
    private async Task CountReplacedWordsAsync(string paperId, VocabularyDelta words, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var reader = await _commands!.Get(SelectWordsSql, transaction).Set("$id", paperId).ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            words.Remove(reader.GetString(0), reader.GetString(1));
        }
    }

    /// <summary>Deletes a paper's chunks, counting their terms out; returns how many went and how many of those had a vector.</summary>
    private async Task<VectorProgress> DeleteChunksAsync(string paperId, FtsTermChanges terms, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var chunks = 0;
        var withVectors = 0;
        using (var reader = await _commands!.Get(SelectChunksSql, transaction).Set("$paper", paperId).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                chunks++;
                terms.Remove(reader.GetString(0), reader.GetString(1));
                withVectors += reader.GetBoolean(2) ? 1 : 0;
            }
        }

        if (chunks == 0)
        {
            return VectorProgress.Empty;
        }

        await _commands.Get(DeleteChunksSql, transaction).Set("$paper", paperId).ExecuteNonQueryAsync(cancellationToken);
        return new VectorProgress(withVectors, chunks);
    }

    // What the chunks add to the term counts and the vocabulary is counted apart, in parallel (AddedTextCounter).
    private async Task InsertAsync(PaperDocument document, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var paper = document.Paper;
        await _commands!.Get(UpsertPaperSql, transaction)
            .Set("$id", paper.Id).Set("$title", paper.Title).Set("$abstract", paper.Abstract)
            .Set("$authors", PaperRows.JoinAuthors(paper.Authors)).Set("$published", PaperRows.FormatDate(paper.Published))
            .Set("$source", paper.Source).Set("$arxiv", paper.ArxivId).Set("$hash", document.ContentHash)
            .ExecuteNonQueryAsync(cancellationToken);

        var insertChunk = _commands.Get(InsertChunkSql, transaction);
        foreach (var indexed in document.Chunks)
        {
            var chunk = indexed.Chunk;
            await insertChunk
                .Set("$paper", paper.Id).Set("$ordinal", chunk.Ordinal).Set("$text", ChunkText.Stored(chunk.Text, paper.Abstract))
                .Set("$vector", indexed.Vector.IsEmpty ? null : VectorBlob.ToBytes(indexed.Vector.Span))
                .ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
