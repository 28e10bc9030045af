using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Schema 6: the keyword postings a store already holds merged (<see cref="KeywordPostingMerge"/>), a range of rows at a
/// time so memory stays bounded, and the count of unmerged writes started for the writes to come.
/// </summary>
internal static class KeywordPostingMergeMigration
{
    public static SqliteMigration Step { get; } = new(6, "keyword postings merged across writes", ApplyAsync);

    // About 550,000 rows, 64 MB of postings at a million papers: what 32 writes of 2,048 papers appended when this
    // migration was written (16 of today's 4,096), for memory an upgrade needs once.
    private const long RangeRows = 1 << 19;

    private const string LastRowSql = "SELECT coalesce(max(rowid), 0) FROM keyword_postings";

    private static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var commands = new CommandCache(connection);
        var last = Convert.ToInt64(await commands.Get(LastRowSql, transaction).ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        // Merged rows are appended past the last row, so each range holds only rows written before the upgrade.
        for (long from = 1; from <= last; from += RangeRows)
        {
            await KeywordPostingMerge.MergeAsync(commands, transaction, from, Math.Min(last, from + RangeRows - 1), cancellationToken);
        }

        await KeywordPostingMerge.MarkAllMergedAsync(commands, transaction, cancellationToken);
    }
}
