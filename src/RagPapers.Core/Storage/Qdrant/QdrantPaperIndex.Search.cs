using System.Numerics.Tensors;

namespace RagPapers.Storage.Qdrant;

public sealed partial class QdrantPaperIndex
{
    public async Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var qdrant = Opened();
        var terms = Bm25SparseEncoder.Query(query);
        Log.KeywordQuery(logger, query, terms.Indices.Count);
        if (terms.Indices.Count == 0 || top <= 0)
        {
            return [];
        }

        var request = new QueryRequest(terms, top, PaperPoints.HitFields, Using: QdrantNames.SparseVector, Filter: QdrantFilters.From(filter));
        return [.. (await qdrant.QueryAsync(collection, request, cancellationToken)).Select(PaperPoints.ToHit)];
    }

    public async Task<IReadOnlyList<ChunkHit>> VectorSearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var qdrant = Opened();
        CheckDimensions(query);
        if (top <= 0 || TensorPrimitives.Norm(query.Span) == 0)
        {
            return [];
        }

        var request = new QueryRequest(query.ToArray(), top, PaperPoints.HitFields, Using: QdrantNames.DenseVector, Filter: QdrantFilters.From(filter));
        return [.. (await qdrant.QueryAsync(collection, request, cancellationToken)).Select(PaperPoints.ToHit)];
    }

    public async Task<IReadOnlyList<ChunkHit>> HybridSearchAsync(HybridSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var qdrant = Opened();
        CheckDimensions(request.Vector);
        var prefetch = new List<Prefetch>(2);
        var weights = new List<double>(2);
        var terms = Bm25SparseEncoder.Query(request.Query);
        if (terms.Indices.Count > 0)
        {
            prefetch.Add(new Prefetch(terms, QdrantNames.SparseVector, request.CandidatesPerList));
            weights.Add(request.KeywordWeight);
        }

        if (TensorPrimitives.Norm(request.Vector.Span) > 0)
        {
            prefetch.Add(new Prefetch(request.Vector.ToArray(), QdrantNames.DenseVector, request.CandidatesPerList));
            weights.Add(1 - request.KeywordWeight);
        }

        if (prefetch.Count == 0 || request.CandidatesPerList <= 0)
        {
            return [];
        }

        // Qdrant ranks from 0 (Σ w / (rank₀ + k)); RagPapers' fusion ranks from 1, so k + 1 gives the same scores.
        // The top-level filter reaches every prefetch; the union of both lists is at most twice the pool.
        var fusion = new RrfQuery(new RrfParameters(request.RrfK + 1, weights));
        var query = new QueryRequest(fusion, prefetch.Count * request.CandidatesPerList, PaperPoints.HitFields, Prefetch: prefetch, Filter: QdrantFilters.From(request.Filter));
        return [.. (await qdrant.QueryAsync(collection, query, cancellationToken)).Select(PaperPoints.ToHit)];
    }

    private void CheckDimensions(ReadOnlyMemory<float> vector)
    {
        if (vector.Length != embedder!.Dimensions)
        {
            throw new ArgumentException($"The query vector has {vector.Length} dimensions; the store holds {embedder.Dimensions}.", nameof(vector));
        }
    }
}
