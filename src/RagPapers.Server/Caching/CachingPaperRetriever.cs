using Microsoft.Extensions.Caching.Memory;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Server.Caching;

/// <summary>
/// Remembers retrieval results, so a question many clients ask is searched once per store version: the key holds
/// the store's generation, so a result read before a write is never served after it, and a write empties the cache.
/// Results are immutable records, shared safely between requests (and between the conversations that keep them).
/// While <paramref name="provisional"/> says so (the semantic index is still being built, which no write counter
/// sees end), every call goes to the retriever and nothing is kept: those results hold until the last vector lands.
/// </summary>
public sealed class CachingPaperRetriever(IPaperRetriever inner, StoreChanges changes, int capacity, Func<bool>? provisional = null) : IPaperRetriever, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.25 });
    private long _generation = -1;

    public async Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (provisional?.Invoke() == true)
        {
            return await inner.RetrieveAsync(request, cancellationToken);
        }

        var key = new RetrievalKey(Fresh(), request.Query, request.TopK, request.Filter, Restriction(request.RestrictTo));
        if (_cache.TryGetValue(key, out RetrievalResult? cached))
        {
            return cached!;
        }

        var result = await inner.RetrieveAsync(request, cancellationToken);
        if (result.Notice is null)
        {
            _cache.Set(key, result, new MemoryCacheEntryOptions { Size = 1 }); // a result with a notice is provisional too
        }

        return result;
    }

    public async Task<IReadOnlyList<RetrievedPaper>> SimilarAsync(string paperId, int top, CancellationToken cancellationToken = default)
    {
        if (provisional?.Invoke() == true)
        {
            return await inner.SimilarAsync(paperId, top, cancellationToken);
        }

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

    private readonly record struct RetrievalKey(long Generation, string Query, int? TopK, SearchFilter? Filter, string? RestrictTo);

    private readonly record struct SimilarKey(long Generation, string PaperId, int Top);
}
