using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Writes by other processes: what this instance keeps in memory (vector matrix, term statistics, papers) is
/// dropped (and the vectors counted again) as soon as <c>PRAGMA data_version</c> says another connection committed, which is checked on every
/// read under the connection's lock and, for the reads that skip the lock, at most <see cref="FreshnessInterval"/>
/// after the last check.
/// </summary>
public sealed partial class SqlitePaperIndex : IStoreVersion
{
    // How long a lock-free read (vector search, a paper's chunks) may trust the matrix without asking SQLite.
    private static readonly TimeSpan FreshnessInterval = TimeSpan.FromMilliseconds(250);

    // How long a write waits for another process's write lock before the store is reported busy.
    private const int BusyTimeoutSeconds = 5;

    private long _dataVersion = -1;
    private long _lastFreshnessCheck;
    private long _version;

    public async ValueTask<long> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        if (!FreshnessDue)
        {
            return Interlocked.Read(ref _version);
        }

        using var _ = await LockAsync(cancellationToken);
        return _version;
    }

    private bool FreshnessDue => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastFreshnessCheck)) >= FreshnessInterval;

    /// <summary>Drops the derived data when another connection has committed since the last look; the caller holds the lock.</summary>
    private async Task EnsureFreshAsync(CancellationToken cancellationToken)
    {
        // data_version moves only for commits by other connections, so this instance's own writes do not count.
        var current = (long)(await _commands!.Get("PRAGMA data_version").ExecuteScalarAsync(cancellationToken))!;
        Interlocked.Exchange(ref _lastFreshnessCheck, Stopwatch.GetTimestamp());
        if (current != _dataVersion)
        {
            if (_dataVersion >= 0)
            {
                Log.ForeignWrite(logger, path);
                InvalidateDerivedData();

                // Another process may have added chunks without vectors, or filled them: the semantic index's progress
                // (and whether dense search may run) is counted again.
                await RecountVectorsAsync(cancellationToken);
            }

            _dataVersion = current;
        }
    }

    /// <summary>A store error that means "another process holds the write lock", as the exception callers can act on.</summary>
    private StoreBusyException? Busy(SqliteException ex) =>
        ex.SqliteErrorCode is SqliteBusy or SqliteLocked
            ? new StoreBusyException($"The store {path} is locked by another process writing to it; try again in a moment.", ex)
            : null;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
}
