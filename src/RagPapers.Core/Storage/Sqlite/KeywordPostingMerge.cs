using System.Buffers;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Merges the keyword posting rows of many writes into one row per term (<see cref="KeywordPostingBlock.AppendTo"/>):
/// every write appends a row for each of its terms, so at a million papers a common term had about 500 rows, and reading
/// them one by one (a B-tree look-up and a page read each) was two thirds of a keyword search's first pass. Each write
/// counts itself in <c>meta</c>; the writes not merged yet are the table's rows from <c>postings_unmerged_from</c> on,
/// and the <see cref="Writes"/>-th one merges them, inside its own transaction. The postings, and so the rankings, stay
/// the same.
/// </summary>
internal static class KeywordPostingMerge
{
    /// <summary>
    /// Writes merged at once: a million papers in batches of 2,048 leave about 40 rows per common term instead of 490
    /// (30 merged, 8 unmerged on average), and a merge holds 16 batches' postings, about 32 MB there; merging every 32
    /// writes would leave 31 rows for twice the memory. In batches of 4,096 (the default now) about 23 rows are left, and a
    /// merge holds about 64 MB.
    /// </summary>
    public const int Writes = 16;

    private const string ReadSql = "SELECT term, first_chunk, postings FROM keyword_postings WHERE rowid BETWEEN $from AND $to ORDER BY rowid";
    private const string DeleteSql = "DELETE FROM keyword_postings WHERE rowid BETWEEN $from AND $to";
    private const string InsertSql = "INSERT INTO keyword_postings(term, first_chunk, postings) VALUES ($term, $first, $postings)";
    private const string NextRowSql = "SELECT coalesce(max(rowid), 0) + 1 FROM keyword_postings";
    private const string ReadUnmergedSql = "SELECT key, value FROM meta WHERE key IN ('postings_unmerged_from', 'postings_unmerged_writes')";
    private const string SaveUnmergedSql = "INSERT OR REPLACE INTO meta(key, value) VALUES ('postings_unmerged_from', $from), ('postings_unmerged_writes', $writes)";

    /// <summary>Counts a write that stored postings, merging the unmerged writes when it is the <see cref="Writes"/>-th.</summary>
    public static async Task AfterWriteAsync(CommandCache commands, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var (from, writes) = await ReadUnmergedAsync(commands, transaction, cancellationToken);
        if (++writes >= Writes)
        {
            await MergeAsync(commands, transaction, from, long.MaxValue, cancellationToken);
            (from, writes) = (await NextRowAsync(commands, transaction, cancellationToken), 0);
        }

        await SaveUnmergedAsync(commands, transaction, from, writes, cancellationToken);
    }

    /// <summary>Marks every row as merged: the rows from here on belong to later writes.</summary>
    public static async Task MarkAllMergedAsync(CommandCache commands, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        await SaveUnmergedAsync(commands, transaction, await NextRowAsync(commands, transaction, cancellationToken), 0, cancellationToken);

    /// <summary>
    /// Replaces the rows <paramref name="from"/>–<paramref name="to"/> (rowids) by one row per term. Rows are read in
    /// rowid order, which is the order of their writes, so each term's blocks come in ascending chunks.
    /// </summary>
    public static async Task MergeAsync(CommandCache commands, SqliteTransaction transaction, long from, long to, CancellationToken cancellationToken)
    {
        var runs = new Dictionary<string, Run>(StringComparer.Ordinal);
        long read = 0;
        using (var reader = await commands.Get(ReadSql, transaction).Set("$from", from).Set("$to", to).ExecuteReaderAsync(cancellationToken))
        {
            while (reader.Read())
            {
                var term = reader.GetString(0);
                if (!runs.TryGetValue(term, out var run))
                {
                    runs[term] = run = new Run(term);
                }

                run.Add(reader.GetInt64(1), (byte[])reader.GetValue(2));
                read++;
            }
        }

        if (read <= runs.Count)
        {
            return; // a row per term already
        }

        await commands.Get(DeleteSql, transaction).Set("$from", from).Set("$to", to).ExecuteNonQueryAsync(cancellationToken);
        var insert = commands.Get(InsertSql, transaction);
        foreach (var (term, run) in runs)
        {
            await insert.Set("$term", term).Set("$first", run.First).Set("$postings", run.Merged()).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<long> NextRowAsync(CommandCache commands, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        Convert.ToInt64(await commands.Get(NextRowSql, transaction).ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

    private static async Task<(long From, int Writes)> ReadUnmergedAsync(CommandCache commands, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        long? from = null;
        int? writes = null;
        using (var reader = await commands.Get(ReadUnmergedSql, transaction).ExecuteReaderAsync(cancellationToken))
        {
            while (reader.Read())
            {
                var value = long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
                if (reader.GetString(0) == "postings_unmerged_from")
                {
                    from = value;
                }
                else
                {
                    writes = (int)value;
                }
            }
        }

        return from is { } f && writes is { } w ? (f, w)
            : throw new InvalidOperationException("The store's meta table lacks postings_unmerged_from or postings_unmerged_writes, which schema 6 sets.");
    }

    private static async Task SaveUnmergedAsync(CommandCache commands, SqliteTransaction transaction, long from, int writes, CancellationToken cancellationToken) =>
        await commands.Get(SaveUnmergedSql, transaction)
            .Set("$from", from.ToString(CultureInfo.InvariantCulture))
            .Set("$writes", writes.ToString(CultureInfo.InvariantCulture))
            .ExecuteNonQueryAsync(cancellationToken);

    /// <summary>One term's blocks in the rows merged, in rowid order; the merged block is made when it is written, so a merge holds its rows' postings about once.</summary>
    private sealed class Run(string term)
    {
        private readonly List<(long First, byte[] Block)> _blocks = [];
        private int _bytes;

        /// <summary>The merged block's key: its first block's first chunk.</summary>
        public long First => _blocks[0].First;

        public void Add(long first, byte[] block)
        {
            _blocks.Add((first, block));
            _bytes += block.Length + 10; // a first gap grows to at most a ten-byte varint
        }

        public byte[] Merged()
        {
            var merged = new ArrayBufferWriter<byte>(_bytes);
            long? last = null;
            try
            {
                foreach (var (first, block) in _blocks)
                {
                    last = KeywordPostingBlock.AppendTo(merged, last, first, block);
                }
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException($"The keyword postings of '{term}' cannot be merged: {ex.Message}", ex);
            }

            return merged.WrittenSpan.ToArray();
        }
    }
}
