using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

public sealed partial class SqlitePaperIndex
{
    public async Task<int> DeleteBySourceAsync(string source, CancellationToken cancellationToken = default)
    {
        using var _ = await LockAsync(cancellationToken);
        try
        {
            using var transaction = _connection!.BeginTransaction();
            var ids = new List<string>();
            using var words = new VocabularyDelta();
            var terms = new FtsTermChanges(CountTermsInFts5Only);
            using (var reader = await _commands!.Get("SELECT id, title, abstract FROM papers WHERE source = $source", transaction).Set("$source", source).ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(reader.GetString(0));
                    words.Remove(reader.GetString(1), reader.GetString(2));
                }
            }

            foreach (var id in ids)
            {
                await DeleteChunksAsync(id, terms, transaction, cancellationToken);
            }

            await words.ApplyAsync(_connection, transaction, cancellationToken);
            await FtsTermRows.ApplyAsync(_commands, transaction, terms, cancellationToken);
            var deleted = await _commands.Get("DELETE FROM papers WHERE source = $source", transaction).Set("$source", source).ExecuteNonQueryAsync(cancellationToken);
            transaction.Commit();
            Log.SourceDeleted(logger, deleted, source);
            return deleted;
        }
        catch (SqliteException ex) when (Busy(ex) is { } busy)
        {
            throw busy;
        }
        finally
        {
            await AfterWriteAsync();
        }
    }
}
