using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// A second connection to the store, read-only, with a lock of its own, for dense search above the approximate
/// threshold: the HNSW search and the re-scoring of its candidates no longer wait for the same question's keyword
/// search (or a write), which hold the store's connection. WAL lets the two connections read side by side, so on two
/// cores the dense half of a hybrid question runs beside the keyword half instead of after it.
/// </summary>
/// <remarks>
/// Its chunk rows are cached apart from the store connection's (<see cref="ChunkRowCache"/> is used under one lock)
/// and dropped whenever <c>PRAGMA data_version</c> says anything was committed since the last search, by this process
/// or another: a search reads the store as it was at that moment, as a search under the store's lock would.
/// </remarks>
internal sealed class DenseReader(string path, long memoryMapBytes) : IAsyncDisposable
{
    // A quarter of the store connection's budget: at the sizes that search approximately, rows rarely repeat between questions.
    private const long RowBudgetBytes = ChunkRowCache.DefaultBudgetBytes / 4;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ChunkRowCache _rows = new(RowBudgetBytes);
    private SqliteConnection? _connection;
    private CommandCache? _commands;
    private long _dataVersion = -1;
    private bool _disposed;

    /// <summary>Waits for the reader, opening its connection the first time; the lease gives its commands and rows until disposed.</summary>
    public async Task<Lease> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _commands ??= await OpenAsync(cancellationToken);
            var version = (long)(await _commands.Get("PRAGMA data_version").ExecuteScalarAsync(cancellationToken))!;
            if (version != _dataVersion)
            {
                _rows.Clear();
                _dataVersion = version;
            }

            return new Lease(this);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    private async Task<CommandCache> OpenAsync(CancellationToken cancellationToken)
    {
        // Read-write mode with query_only: a read-only handle cannot create the WAL index if it is missing.
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        _connection = new SqliteConnection(builder.ConnectionString);
        await _connection.OpenAsync(cancellationToken);
        var commands = new CommandCache(_connection);
        await commands.Get($"PRAGMA query_only = 1; PRAGMA mmap_size = {memoryMapBytes}").ExecuteNonQueryAsync(cancellationToken);
        return commands;
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            _commands?.Dispose();
            _commands = null;
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }

            _rows.Clear();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The reader held by one search.</summary>
    public readonly struct Lease(DenseReader reader) : IDisposable
    {
        public CommandCache Commands => reader._commands!;

        public ChunkRowCache Rows => reader._rows;

        public void Dispose() => reader._gate.Release();
    }
}
