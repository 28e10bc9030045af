using Microsoft.Extensions.Caching.Memory;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Server.Caching;

/// <summary>
/// Remembers retrieval results, so a question many clients ask is searched once per store version: the key holds
/// the store's generation, so a result read before a write is never served after it, and a write empties the cache.
/// Results are immutable records, shared safely between requests (and between the conversations that keep them).
/// </summary>
public sealed class CachingPaperRetriever(IPaperRetriever inner, StoreChanges changes, int capacity) : IPaperRetriever, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.25 });
    private long _generation = -1;

    public async Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = new RetrievalKey(Fresh(), request.Query, request.TopK, request.Filter, Restriction(request.RestrictTo), request.Diversify, request.CorrectSpelling);
        if (_cache.TryGetValue(key, out RetrievalResult? cached))
        {
            return cached!;
        }

        var result = await inner.RetrieveAsync(request, cancellationToken);
        _cache.Set(key, result, new MemoryCacheEntryOptions { Size = 1 });
        return result;
    }

    public async Task<IReadOnlyList<RetrievedPaper>> SimilarAsync(string paperId, int top, CancellationToken cancellationToken = default)
    {
        var key = new SimilarKey(Fresh(), paperId, top);
        if (_cache.TryGetValue(key, out IReadOnlyList<RetrievedPaper>? cached))
        {
            return cached!;
        }

        var similar = await inner.SimilarAsync(paperId, top, cancellationToken);
        _cache.Set(key, similar, new MemoryCacheEntryOptions { Size = 1 });
        return similar;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>The current store generation; the first call after a write empties the cache.</summary>
    private long Fresh()
    {
        var generation = changes.Generation;
        if (Interlocked.Exchange(ref _generation, generation) != generation)
        {
            _cache.Clear();
        }

        return generation;
    }

    private static string? Restriction(IReadOnlyCollection<string>? ids) =>
        ids is null ? null : string.Join('\n', ids.Order(StringComparer.Ordinal));

    private readonly record struct RetrievalKey(long Generation, string Query, int? TopK, SearchFilter? Filter, string? RestrictTo, bool Diversify, bool CorrectSpelling);

    private readonly record struct SimilarKey(long Generation, string PaperId, int Top);
}
