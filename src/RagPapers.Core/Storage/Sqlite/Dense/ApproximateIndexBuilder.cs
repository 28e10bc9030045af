using Cloud.Unum.USearch;
using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Builds or catches up the HNSW file beside a store, on a connection of its own (readers do not block writers in
/// WAL mode): from one read snapshot it takes the change-log position and either every vector (no usable file) or
/// the vectors changed since the file's position (a usable one, loaded into memory), then saves the file, writes its
/// state after it and prunes the log. A crash at any point leaves either the old file and state, or a state older
/// than the file (harmless: the changes are scored again), never a state newer than its file.
/// </summary>
/// <remarks>
/// Vectors are added from one thread: USearch's C# binding grows the index's capacity inside <c>Add</c> without a
/// lock, and two adding threads crashed the process (SIGSEGV) on this machine.
/// </remarks>
internal static class ApproximateIndexBuilder
{
    private const string AllVectorsSql = "SELECT id, vector FROM chunks WHERE vector IS NOT NULL";

    private const string ChangedVectorsSql = """
        SELECT v.chunk_id, c.vector FROM (SELECT DISTINCT chunk_id FROM vector_changes WHERE seq > $seq) v
        LEFT JOIN chunks c ON c.id = v.chunk_id
        """;

    public static async Task<ApproximateIndexState> BuildAsync(string storePath, EmbedderDescriptor embedder, DenseWork work, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = storePath, Pooling = false, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 30 };
        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        long seq;
        USearchIndex index;
        using (var snapshot = connection.BeginTransaction(deferred: true))
        {
            seq = await VectorChangeLog.LastSeqAsync(connection, snapshot, cancellationToken);
            if (await CurrentAsync(connection, snapshot, storePath, embedder, seq, cancellationToken) is { } current)
            {
                return current; // nothing changed since the file was saved: it is not written again
            }

            index = await FillAsync(connection, snapshot, storePath, embedder, work, cancellationToken);
        }

        using (index)
        {
            var state = new ApproximateIndexState(seq, (long)index.Size(), embedder.Id, embedder.Dimensions);
            var temporary = $"{ApproximateIndexState.IndexPath(storePath)}.{Guid.NewGuid():N}.tmp";
            index.Save(temporary);
            File.Move(temporary, ApproximateIndexState.IndexPath(storePath), overwrite: true);
            state.Write(storePath);
            await VectorChangeLog.PruneAsync(connection, seq, cancellationToken);
            return state;
        }
    }

    private static async Task<ApproximateIndexState?> CurrentAsync(
        SqliteConnection connection, SqliteTransaction snapshot, string storePath, EmbedderDescriptor embedder, long seq, CancellationToken cancellationToken) =>
        ApproximateIndexState.TryRead(storePath) is { } state && state.Fits(embedder) && state.Seq == seq
            && state.Seq >= await PrunedThroughAsync(connection, snapshot, cancellationToken) && File.Exists(ApproximateIndexState.IndexPath(storePath))
            ? state
            : null;

    private static async Task<USearchIndex> FillAsync(
        SqliteConnection connection, SqliteTransaction snapshot, string storePath, EmbedderDescriptor embedder, DenseWork work, CancellationToken cancellationToken)
    {
        var pruned = await PrunedThroughAsync(connection, snapshot, cancellationToken);
        if (ApproximateIndexState.TryRead(storePath) is { } existing && existing.Fits(embedder) && existing.Seq >= pruned
            && File.Exists(ApproximateIndexState.IndexPath(storePath)))
        {
            var loaded = new USearchIndex(ApproximateIndexState.IndexPath(storePath), view: false);
            await ApplyAsync(loaded, connection, snapshot, ChangedVectorsSql, existing.Seq, embedder.Dimensions, work, cancellationToken);
            return loaded;
        }

        var index = HnswParameters.Create(embedder.Dimensions);
        await ApplyAsync(index, connection, snapshot, AllVectorsSql, 0, embedder.Dimensions, work, cancellationToken);
        return index;
    }

    /// <summary>Puts each row's vector under its chunk id, replacing what the index held; a row without one removes the id.</summary>
    private static async Task ApplyAsync(
        USearchIndex index, SqliteConnection connection, SqliteTransaction snapshot, string sql, long seq, int dimensions, DenseWork work, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$seq", seq);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var vector = new float[dimensions];
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (ulong)reader.GetInt64(0);
            if (index.Contains(key))
            {
                index.Remove(key);
            }

            if (!reader.IsDBNull(1))
            {
                var blob = reader.GetFieldValue<byte[]>(1);
                work.AddVectorBytes(blob.Length);
                VectorBlob.CopyTo(blob, vector);
                index.Add(key, vector);
            }
        }
    }

    private static async Task<long> PrunedThroughAsync(SqliteConnection connection, SqliteTransaction snapshot, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'ann_pruned_through'), 0)";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
