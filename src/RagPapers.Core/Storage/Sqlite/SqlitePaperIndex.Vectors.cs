using System.Globalization;

namespace RagPapers.Storage.Sqlite;

/// <summary>Deferred vectors (<see cref="IDeferredVectorIndex"/>): chunks stored without one, filled later batch by batch.</summary>
public sealed partial class SqlitePaperIndex
{
    // The partial index chunks_without_vector serves both the batch and the count, and holds only the chunks still
    // waiting, so counting costs nothing once the vectors are complete. Neither joins the papers to filter: a join
    // cost a look-up per waiting chunk (3.2 s when opening a million-paper store). Writes remove a paper's chunks with
    // it; should one ever be left, it gets a vector too (an empty title), which dense search never returns, as it
    // joins the papers.
    private const string SelectWithoutVectorSql = $"""
        SELECT c.id, c.paper_id, c.ordinal, {ChunkText.Sql}, coalesce(p.title, '') FROM chunks c LEFT JOIN papers p ON p.id = c.paper_id
        WHERE c.vector IS NULL ORDER BY c.id LIMIT $max
        """;

    private const string CountWithoutVectorSql = "SELECT count(*) FROM chunks WHERE vector IS NULL";
    private const string SetVectorSql = "UPDATE chunks SET vector = $vector WHERE id = $id AND vector IS NULL";
    private const string ClearVectorsSql = "UPDATE chunks SET vector = NULL WHERE vector IS NOT NULL";
    private const string StoredEmbedderSql = "SELECT key, value FROM meta WHERE key IN ('embedder_id', 'dimensions')";

    private VectorProgress _vectorProgress = VectorProgress.Empty;

    public VectorProgress Progress => Volatile.Read(ref _vectorProgress);

    public EmbedderDescriptor? ReplacedEmbedder { get; private set; }

    public async Task<IReadOnlyList<ChunkWithoutVector>> GetChunksWithoutVectorsAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        using var _ = await LockAsync(cancellationToken);
        var pending = new List<ChunkWithoutVector>(max);
        using (var reader = await _commands!.Get(SelectWithoutVectorSql).Set("$max", max).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var chunk = new Chunk(reader.GetString(1), reader.GetInt32(2), reader.GetString(3));
                pending.Add(new ChunkWithoutVector(reader.GetInt64(0), reader.GetString(4), chunk));
            }
        }

        if (pending.Count == 0 && !Progress.IsComplete)
        {
            // Another process filled the rest: count again, so that this instance sees the store complete too.
            await RecountVectorsAsync(cancellationToken);
        }

        return pending;
    }

    public async Task<int> SetVectorsAsync(IReadOnlyList<ChunkVector> vectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        using var _ = await LockAsync(cancellationToken);
        var dimensions = _embedder!.Dimensions;
        if (vectors.FirstOrDefault(v => v.Vector.Length != dimensions) is { } wrong)
        {
            throw new ArgumentException($"Chunk {wrong.Key} got a {wrong.Vector.Length}-dim vector; the store holds {dimensions}-dim vectors.", nameof(vectors));
        }

        var stored = 0;
        using (var transaction = _connection!.BeginTransaction())
        {
            await CheckStoredEmbedderAsync(transaction, cancellationToken);
            var update = _commands!.Get(SetVectorSql, transaction);
            foreach (var vector in vectors)
            {
                stored += await update.Set("$vector", VectorBlob.ToBytes(vector.Vector.Span)).Set("$id", vector.Key).ExecuteNonQueryAsync(cancellationToken);
            }

            transaction.Commit();
        }

        var before = Progress;
        var progress = before with { Embedded = Math.Min(before.Total, before.Embedded + stored) };
        Volatile.Write(ref _vectorProgress, progress);
        ForgetVectors();
        _wroteVectors |= stored > 0;
        await RequestBuildIfDueAsync(cancellationToken);

        Log.VectorsStored(logger, stored, vectors.Count, progress.Embedded, progress.Total);
        return stored;
    }

    public async Task ClearVectorsAsync(CancellationToken cancellationToken = default)
    {
        using var _ = await LockAsync(cancellationToken);
        try
        {
            using var transaction = _connection!.BeginTransaction();
            await _commands!.Get(ClearVectorsSql, transaction).ExecuteNonQueryAsync(cancellationToken);
            transaction.Commit();
        }
        finally
        {
            ForgetVectors();
            _wroteVectors = true;
            await RecountVectorsAsync(CancellationToken.None);
        }

        Log.VectorsCleared(logger, path, Progress.Total);
    }

    /// <summary>
    /// The chunk total (kept on disk by every write; count(*) would read a whole index) and a count of the chunks
    /// without a vector; the caller holds the lock (or is opening the store).
    /// </summary>
    private async Task RecountVectorsAsync(CancellationToken cancellationToken)
    {
        var total = (int)await GetChunkTotalAsync(cancellationToken);
        var missing = (int)(long)(await _commands!.Get(CountWithoutVectorSql).ExecuteScalarAsync(cancellationToken))!;
        Volatile.Write(ref _vectorProgress, new VectorProgress(Math.Max(0, total - missing), total));

        // After every write (here or, seen through data_version, in another process): the HNSW file is built once
        // the store reaches the threshold and caught up when it falls far behind.
        await RequestBuildIfDueAsync(cancellationToken);
    }

    /// <summary>Refuses to write when another process has switched the store to another embedder since this one opened it.</summary>
    private async Task CheckStoredEmbedderAsync(Microsoft.Data.Sqlite.SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = await _commands!.Get(StoredEmbedderSql, transaction).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                meta[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var id = meta.GetValueOrDefault("embedder_id", "unknown");
        var dims = meta.GetValueOrDefault("dimensions", "?");
        if (id != _embedder!.Id || dims != _embedder.Dimensions.ToString(CultureInfo.InvariantCulture))
        {
            throw new StoreIncompatibleException(
                $"The store {path} was switched to embedder '{id}' ({dims} dims) by another process; this one embeds with '{_embedder.Id}' ({_embedder.Dimensions} dims) and stored none of its vectors. Run one embedder per store.");
        }
    }
}
