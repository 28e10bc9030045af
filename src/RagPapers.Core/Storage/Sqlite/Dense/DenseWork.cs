namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Work dense search has done, counted rather than timed: float32 vector bytes read from SQLite. Opening a store reads
/// none (the int8 copies load on the first search below the threshold; the HNSW file is memory-mapped above it).
/// </summary>
public sealed class DenseWork
{
    private long _vectorBytesRead;
    private long _approximateSearches;
    private long _fullScans;

    /// <summary>Bytes of stored float32 vectors read from SQLite since the store was created.</summary>
    public long VectorBytesRead => Interlocked.Read(ref _vectorBytesRead);

    /// <summary>Searches answered from the HNSW file (with the chunks changed since it was saved).</summary>
    public long ApproximateSearches => Interlocked.Read(ref _approximateSearches);

    /// <summary>Searches above the threshold that scanned every stored vector instead (no usable HNSW file, or a filter too selective).</summary>
    public long FullScans => Interlocked.Read(ref _fullScans);

    internal void AddVectorBytes(long bytes) => Interlocked.Add(ref _vectorBytesRead, bytes);

    internal void CountApproximateSearch() => Interlocked.Increment(ref _approximateSearches);

    internal void CountFullScan() => Interlocked.Increment(ref _fullScans);
}
