using System.Text.Json;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// POST /collections/{name}/points/query. <c>Query</c> is a dense vector (float[]), a sparse vector, or a fusion of
/// the prefetches (<see cref="RrfQuery"/>); a top-level filter applies to every prefetch.
/// </summary>
internal sealed record QueryRequest(
    object Query,
    int Limit,
    object WithPayload,
    string? Using = null,
    IReadOnlyList<Prefetch>? Prefetch = null,
    Filter? Filter = null);

internal sealed record Prefetch(object Query, string Using, int Limit);

/// <summary><c>{"rrf": {"k": k, "weights": [...]}}</c>: Σ weight / (rank₀ + k) with 0-based ranks (Qdrant 1.17+ for weights).</summary>
internal sealed record RrfQuery(RrfParameters Rrf);

internal sealed record RrfParameters(int K, IReadOnlyList<double> Weights);

internal sealed record QueryResponse(IReadOnlyList<ScoredPoint> Points);

internal sealed record ScoredPoint(JsonElement Id, double Score, PointPayload? Payload);
