using System.Numerics.Tensors;
using Qdrant.Client.Grpc;

namespace RagPapers.Storage.Qdrant;

public sealed partial class QdrantPaperIndex
{
    private static readonly WithPayloadSelector HitPayload = new() { Include = new PayloadIncludeSelector { Fields = { PaperPoints.HitFields } } };

    public async Task<IReadOnlyList<ChunkHit>> KeywordSearchAsync(string query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        Opened();
        var terms = Bm25SparseEncoder.Query(query);
        Log.KeywordQuery(_logger, query, terms.Indices.Count);
        return terms.Indices.Count == 0 || top <= 0
            ? []
            : await QueryAsync(Sparse(terms), QdrantNames.SparseVector, [], QdrantFilters.From(filter), (ulong)top, cancellationToken);
    }

    public async Task<IReadOnlyList<ChunkHit>> VectorSearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        Opened();
        CheckDimensions(query);
        return top <= 0 || TensorPrimitives.Norm(query.Span) == 0
            ? []
            : await QueryAsync(Dense(query), QdrantNames.DenseVector, [], QdrantFilters.From(filter), (ulong)top, cancellationToken);
    }

    public async Task<IReadOnlyList<ChunkHit>> HybridSearchAsync(HybridSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Opened();
        CheckDimensions(request.Vector);
        var prefetch = new List<PrefetchQuery>(2);
        var rrf = new Rrf { K = (uint)(request.RrfK + 1) }; // Qdrant ranks from 0 (Σ w / (rank₀ + k)); RagPapers from 1
        var terms = Bm25SparseEncoder.Query(request.Query);
        var pool = (ulong)Math.Max(request.CandidatesPerList, 0);
        if (terms.Indices.Count > 0)
        {
            prefetch.Add(new PrefetchQuery { Query = Sparse(terms), Using = QdrantNames.SparseVector, Limit = pool });
            rrf.Weights.Add((float)request.KeywordWeight);
        }

        if (TensorPrimitives.Norm(request.Vector.Span) > 0)
        {
            prefetch.Add(new PrefetchQuery { Query = Dense(request.Vector), Using = QdrantNames.DenseVector, Limit = pool });
            rrf.Weights.Add((float)(1 - request.KeywordWeight));
        }

        // The top-level filter reaches every prefetch; the union of both lists is at most twice the pool.
        return prefetch.Count == 0 || pool == 0
            ? []
            : await QueryAsync(new Query { Rrf = rrf }, null, prefetch, QdrantFilters.From(request.Filter), (ulong)prefetch.Count * pool, cancellationToken);
    }

    private static Query Sparse(SparseTerms terms) => new() { Nearest = new VectorInput { Sparse = terms.ToGrpc() } };

    private static Query Dense(ReadOnlyMemory<float> vector) => new() { Nearest = new VectorInput { Dense = new DenseVector { Data = { vector.ToArray() } } } };

    private async Task<IReadOnlyList<ChunkHit>> QueryAsync(
        Query query, string? vectorName, IReadOnlyList<PrefetchQuery> prefetch, Filter? filter, ulong limit, CancellationToken cancellationToken)
    {
        var points = await _qdrant.CallAsync(
            "Points/Query",
            (c, ct) => c.QueryAsync(_collection, query, prefetch, vectorName, filter, limit: limit, payloadSelector: HitPayload, vectorsSelector: false, cancellationToken: ct),
            cancellationToken);
        return [.. points.Select(PaperPoints.ToHit)];
    }

    private void CheckDimensions(ReadOnlyMemory<float> vector)
    {
        if (vector.Length != _embedder!.Dimensions)
        {
            throw new ArgumentException($"The query vector has {vector.Length} dimensions; the store holds {_embedder.Dimensions}.", nameof(vector));
        }
    }
}
