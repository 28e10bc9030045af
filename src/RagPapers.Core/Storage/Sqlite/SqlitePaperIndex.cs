using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using RagPapers.Papers;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The embedded default index: papers, chunks and vectors in one SQLite file, BM25 from keyword postings of its own and
/// brute-force cosine similarity over an in-memory copy of the vectors.
/// </summary>
/// <remarks>
/// One connection per instance, guarded by a semaphore so concurrent searches queue instead of colliding;
/// each upsert batch is one transaction, and WAL keeps the file consistent if the process dies mid-ingest.
/// Chunks may arrive without vectors (<see cref="IDeferredVectorIndex"/>): the semantic indexer fills them later.
/// </remarks>
public sealed partial class SqlitePaperIndex(
    string path,
    ILogger<SqlitePaperIndex> logger,
    KeywordFeedback? feedback = null,
    int inMemoryKeywordChunks = SqlitePaperIndex.DefaultInMemoryKeywordChunks,
    DenseSearchSettings? denseSearch = null)
    : IPaperIndex, IUndatedPaperCount, IDeferredVectorIndex, ICollectionVocabulary
{
    /// <summary>The schema version this build writes; an older store is migrated in place when opened (<see cref="SqliteMigrations"/>).</summary>
    public static int SchemaVersion => SqliteMigrations.Latest;

    /// <summary>The default of Store:Sqlite:InMemoryKeywordChunks: SciFact's 5,183 abstracts rank in memory, a large collection from disk.</summary>
    public const int DefaultInMemoryKeywordChunks = SqliteStoreOptions.DefaultInMemoryKeywordChunks;

    // mmap_size: pages are read through a memory map instead of one read() call each. A keyword search walks thousands
    // of FTS pages; on SciFact this took about a millisecond off a search at depth 100. It reserves address space
    // (up to 256 MB of the file), not memory: the pages are the OS page cache's.
    private const long DefaultMemoryMapBytes = 256L << 20;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly KeywordFeedback _feedback = feedback ?? KeywordFeedback.Off;
    private readonly DenseSearchSettings _dense = denseSearch ?? DenseSearchSettings.Default;
    private readonly ApproximateIndex _approximate = new(path, logger);

    // Papers read since the last write: a ranking 100 deep reads mostly the same papers query after query.
    private readonly Dictionary<string, Paper> _papers = new(StringComparer.Ordinal);
    private readonly ChunkRowCache _chunkRows = new(ChunkRowCache.DefaultBudgetBytes);

    private SqliteConnection? _connection;
    private CommandCache? _commands;
    private EmbedderDescriptor? _embedder;
    private bool _wroteVectors;
    private FtsTermStatistics? _termStatistics;
    private FtsStemmer? _stemmer;
    private long? _chunkTotal;
    private long? _tokenTotal;
    private CollectionVocabulary? _vocabulary;
    private bool _disposed;

    /// <summary>The memory map SQLite reads the file through; 0 reads every page through SQLite's pager, where <see cref="OpenWork"/> counts it.</summary>
    internal long MemoryMapBytes { get; init; } = DefaultMemoryMapBytes;

    /// <summary>
    /// Count what writes change in the term counts and keyword postings by tokenizing every chunk through FTS5, as before
    /// the .NET tokenizer (<see cref="FtsTermChanges"/>): the reference the tests hold a store's rows to.
    /// </summary>
    internal bool CountTermsInFts5Only { get; init; }

    /// <summary>The pages SQLite read from the file during the last <see cref="OpenAsync"/> (pages read through the memory map are not counted).</summary>
    internal StoreOpenWork OpenWork { get; private set; } = new(0, 0);

    public async Task OpenAsync(EmbedderDescriptor embedder, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                var builder = new SqliteConnectionStringBuilder
                {
                    DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = BusyTimeoutSeconds,
                };
                _connection = new SqliteConnection(builder.ConnectionString);
                await _connection.OpenAsync(cancellationToken);
                _commands = new CommandCache(_connection);
                _largeCache = false; // a new connection has SQLite's default cache until it needs more (UseLargeCacheAsync)
                await _commands.Get($"PRAGMA mmap_size={MemoryMapBytes}").ExecuteNonQueryAsync(cancellationToken);
                Volatile.Write(ref _denseReader, new DenseReader(path, MemoryMapBytes));
            }

            var pagesBefore = PagesRead();
            await EnsureSchemaAsync(embedder, cancellationToken);
            await VectorChangeLog.EnsureAsync(_commands!, cancellationToken);
            this._embedder = embedder;
            InvalidateDerivedData();
            _dataVersion = -1;
            await EnsureFreshAsync(cancellationToken);
            var pagesBeforeVectors = PagesRead();
            await RecountVectorsAsync(cancellationToken);
            OpenWork = new StoreOpenWork(PagesRead() - pagesBefore, PagesRead() - pagesBeforeVectors);
        }
        catch (SqliteException ex) when (Busy(ex) is { } busy)
        {
            throw busy;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<int> CountPapersAsync(CancellationToken cancellationToken = default) =>
        CountAsync("SELECT count(*) FROM papers", cancellationToken);

    public Task<int> CountChunksAsync(CancellationToken cancellationToken = default) =>
        CountAsync("SELECT count(*) FROM chunks", cancellationToken);

    public async Task<int> CountUndatedPapersAsync(string? source, CancellationToken cancellationToken = default)
    {
        using var _ = await LockAsync(cancellationToken);
        var command = _commands!.Get("SELECT count(*) FROM papers WHERE published IS NULL AND ($source IS NULL OR source = $source)");
        return (int)(long)(await command.Set("$source", source).ExecuteScalarAsync(cancellationToken))!;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => this.GetOwnService(serviceType, serviceKey);

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _commands?.Dispose();
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            ForgetVectors();
        }
        finally
        {
            _gate.Release();
        }

        // Outside the lock: a build this process started for its own writes finishes (its reads need no lock here).
        // The dense reader first, so that no search still holds the HNSW view.
        if (_denseReader is { } reader)
        {
            await reader.DisposeAsync();
        }

        await _approximate.DisposeAsync(finishBuild: _wroteVectors);
    }

    private async Task EnsureSchemaAsync(EmbedderDescriptor descriptor, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await SqliteSchema.EnsureAsync(_connection!, path, descriptor, cancellationToken);
            if (outcome.Created)
            {
                Log.StoreCreated(logger, path, descriptor.Id, descriptor.Dimensions);
            }
            else
            {
                Log.StoreOpened(logger, path, descriptor.Id, descriptor.Dimensions);
            }

            if (outcome.MigratedFrom is { } from)
            {
                Log.StoreMigrated(logger, path, from, SchemaVersion);
            }

            ReplacedEmbedder = outcome.Created ? null : outcome.ReplacedEmbedder;
            if (ReplacedEmbedder is { } replaced)
            {
                Log.EmbedderReplaced(logger, path, replaced.Id, replaced.Dimensions, descriptor.Id, descriptor.Dimensions);
            }
        }
        catch (StoreIncompatibleException ex)
        {
            Log.StoreRefused(logger, path, ex.Message);

            // Release the file at once so the user can delete it as the message says.
            _commands!.Dispose();
            _commands = null;
            _stemmer = null;
            await _connection!.DisposeAsync();
            _connection = null;
            throw;
        }
    }

    /// <summary>Drops what was computed from the rows (int8 vectors, term statistics and counts, papers read, vocabulary); called after every write.</summary>
    private void InvalidateDerivedData()
    {
        Interlocked.Increment(ref _version);
        ForgetVectors();
        _vocabulary = null;
        _termStatistics = null;
        _chunkTotal = null;
        _tokenTotal = null;
        _papers.Clear();
    }

    /// <summary>Drops the copies of vectors (and of the rows that hold them) after vectors were written.</summary>
    private void ForgetVectors()
    {
        _quantized = null;
        _chunkRows.Clear();
    }

    /// <summary>Pages this connection read from the file (or the WAL) into SQLite's page cache since it was opened.</summary>
    private long PagesRead()
    {
        SQLitePCL.raw.sqlite3_db_status(_connection!.Handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_MISS, out var current, out _, 0);
        return current;
    }

    private async Task<int> CountAsync(string sql, CancellationToken cancellationToken)
    {
        using var _ = await LockAsync(cancellationToken);
        return (int)(long)(await _commands!.Get(sql).ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Enters the connection's critical section with the derived data fresh (see <see cref="EnsureFreshAsync"/>);
    /// throws if the index is disposed or not opened.
    /// </summary>
    private async Task<Releaser> LockAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        if (_disposed || _connection is null)
        {
            _gate.Release();
            ObjectDisposedException.ThrowIf(_disposed, this);
            throw new InvalidOperationException($"The store {path} is not open; call OpenAsync first.");
        }

        try
        {
            await EnsureFreshAsync(cancellationToken);
        }
        catch
        {
            _gate.Release();
            throw;
        }

        return new Releaser(_gate);
    }

    private readonly struct Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
