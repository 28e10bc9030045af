using System.Numerics.Tensors;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Dense search: below <see cref="DenseSearchSettings.ApproximateMinVectors"/> an exact scan of int8 copies, under the
/// store's lock; from there on the HNSW file beside the store (memory-mapped) plus the chunks changed since it was
/// saved, read through the <see cref="DenseReader"/> so that it runs beside keyword search. Either way the candidates
/// are re-scored from the float32 vectors in SQLite.
/// </summary>
public sealed partial class SqlitePaperIndex
{
    // Chunks changed since the HNSW file was saved that a search still scores one by one; past it, the exact scan.
    private const int MaxChangedScoredPerSearch = 20_000;

    private QuantizedVectors? _quantized;
    private DenseReader? _denseReader;

    /// <summary>Work counted by dense search and by the index builder (vector bytes read from SQLite).</summary>
    public DenseWork DenseWork { get; } = new();

    public async Task<IReadOnlyList<ChunkHit>> VectorSearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        if (_embedder is { } descriptor && query.Length != descriptor.Dimensions)
        {
            throw new ArgumentException($"The query vector has {query.Length} dimensions; the store holds {descriptor.Dimensions}.", nameof(query));
        }

        if (top <= 0 || TensorPrimitives.Norm(query.Span) == 0)
        {
            return [];
        }

        if (SearchesApproximately)
        {
            // A write that crosses the threshold meanwhile is seen by the next search; this one is exact, and as right.
            using var reader = await OpenDenseReader().EnterAsync(cancellationToken);
            return await ApproximateSearchAsync(reader, query, top, filter, cancellationToken);
        }

        using var _ = await LockAsync(cancellationToken);
        return await ExactSearchAsync(query, top, filter, cancellationToken);
    }

    // Set when the store opens, disposed with it: a search after that is refused by the reader itself.
    private DenseReader OpenDenseReader() =>
        Volatile.Read(ref _denseReader) ?? throw new InvalidOperationException($"The store {path} is not open; call OpenAsync first.");

    /// <summary>Whether dense search goes through the HNSW file: the store holds at least Store:ApproximateIndexMinVectors vectors.</summary>
    private bool SearchesApproximately => Progress.Embedded >= _dense.ApproximateMinVectors;

    /// <summary>int8 candidates from every vector, re-scored in float32; the caller holds the lock.</summary>
    private async Task<IReadOnlyList<ChunkHit>> ExactSearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter? filter, CancellationToken cancellationToken)
    {
        if (_quantized is null)
        {
            _quantized = await QuantizedVectors.LoadAsync(_commands!, _embedder!.Dimensions, cancellationToken);
            DenseWork.AddVectorBytes(_quantized.BytesRead);
            Log.VectorsLoaded(logger, _quantized.Count, _embedder.Dimensions);
        }

        var candidates = _quantized.Candidates(query.Span, DenseSearchSettings.RescoreDepth(top), filter);
        return await DenseRows.RescoreAsync(_commands!, _chunkRows, candidates, query, top, filter, DenseWork, cancellationToken);
    }

    /// <summary>HNSW candidates plus the chunks changed since the file was saved, re-scored, all read through the dense reader the caller holds.</summary>
    private async Task<IReadOnlyList<ChunkHit>> ApproximateSearchAsync(
        DenseReader.Lease reader, ReadOnlyMemory<float> query, int top, SearchFilter? filter, CancellationToken cancellationToken)
    {
        var view = await _approximate.CurrentAsync(reader.Commands, _embedder!, cancellationToken);
        var changed = view is null ? null : await VectorChangeLog.ChangedSinceAsync(reader.Commands, view.State.Seq, MaxChangedScoredPerSearch + 1, cancellationToken);
        if (view is null || changed!.Count > MaxChangedScoredPerSearch)
        {
            // No usable index, or too much changed since it was saved: exact, slow at scale, never wrong.
            _approximate.RequestBuild(path, _embedder!, DenseWork);
            Log.ExactFallback(logger, path, view is null ? "no usable approximate index" : "too many vectors changed since it was saved");
            return await DenseRows.ScanAsync(reader.Commands, reader.Rows, query, top, filter, DenseWork, cancellationToken);
        }

        DenseWork.CountApproximateSearch();
        var fetched = HnswParameters.OverFetch(top, filter);
        var candidates = view.Search(query, fetched);
        var hits = await DenseRows.RescoreAsync(reader.Commands, reader.Rows, candidates.Concat(changed), query, top, filter, DenseWork, cancellationToken);
        if (hits.Count < top && candidates.Count >= fetched)
        {
            // The filter admitted too few of the nearest neighbours: its chunks are scanned exactly instead.
            return await DenseRows.ScanAsync(reader.Commands, reader.Rows, query, top, filter, DenseWork, cancellationToken);
        }

        return hits;
    }

    /// <summary>
    /// Builds the HNSW file beside the store now (or catches it up with the vectors changed since it was saved) and
    /// waits for it: what ingestion does in the background once the store crosses the threshold.
    /// </summary>
    public async Task BuildApproximateIndexAsync(CancellationToken cancellationToken = default)
    {
        EmbedderDescriptor descriptor;
        using (await LockAsync(cancellationToken))
        {
            descriptor = _embedder!;
        }

        await _approximate.BuildNowAsync(path, descriptor, DenseWork, cancellationToken);
    }

    /// <summary>Starts a background build when the store is at the threshold and its HNSW file is missing or far behind; the caller holds the lock.</summary>
    private async Task RequestBuildIfDueAsync(CancellationToken cancellationToken)
    {
        if (_embedder is null || !SearchesApproximately || _approximate.Building)
        {
            return;
        }

        // The state file only, not the HNSW file: this runs at open, which must not cost what the collection holds.
        var state = await _approximate.UsableStateAsync(_commands!, _embedder, cancellationToken);
        var due = RebuildAfterChanges(state);
        var behind = state is null ? int.MaxValue : (await VectorChangeLog.ChangedSinceAsync(_commands!, state.Seq, due + 1, cancellationToken)).Count;
        if (behind > due)
        {
            _approximate.RequestBuild(path, _embedder, DenseWork);
        }
    }

    // A catch-up loads the whole file and saves it again: worth it once changes are a hundredth of the index.
    private static int RebuildAfterChanges(ApproximateIndexState? state) => (int)Math.Max(1_000, (state?.Count ?? 0) / 100);
}
