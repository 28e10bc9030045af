using Microsoft.Extensions.Caching.Memory;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Server.Caching;

/// <summary>
/// Remembers retrieval results, so a question many clients ask is searched once per store version: the key holds
/// the store's generation (this server's writes, and the store's own version, which moves for writes by other
/// processes too), so a result read before a write is never served after it, and a write empties the cache. A
/// store that cannot tell its version keeps results for <see cref="UnversionedLifetime"/> only.
/// Results are immutable records, shared safely between requests (and between the conversations that keep them).
/// While <paramref name="provisional"/> says so (the semantic index is still being built, which no write counter
/// sees end), every call goes to the retriever and nothing is kept: those results hold until the last vector lands.
/// </summary>
public sealed class CachingPaperRetriever(IPaperRetriever inner, StoreChanges changes, int capacity, IStoreVersion? storeVersion = null, Func<bool>? provisional = null)
    : IPaperRetriever, IDisposable
{
    /// <summary>How long a result lives when the store has no version another process's write would move.</summary>
    public static readonly TimeSpan UnversionedLifetime = TimeSpan.FromSeconds(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.25 });
    private readonly MemoryCacheEntryOptions _entry = new()
    {
        Size = 1,
        AbsoluteExpirationRelativeToNow = storeVersion is null ? UnversionedLifetime : null,
    };

    private readonly Lock _generationLock = new();
    private Generation _generation = new(-1, -1);

    public async Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (provisional?.Invoke() == true)
        {
            return await inner.RetrieveAsync(request, cancellationToken);
        }

        var key = new RetrievalKey(await FreshAsync(cancellationToken), request.Query, request.TopK, request.Filter, Restriction(request.RestrictTo), request.Diversify, request.CorrectSpelling);
        if (_cache.TryGetValue(key, out RetrievalResult? cached))
        {
            return cached!;
        }

        var result = await inner.RetrieveAsync(request, cancellationToken);
        if (result.Notice is null)
        {
            _cache.Set(key, result, _entry); // a result with a notice is provisional too
        }

        return result;
    }

    public async Task<IReadOnlyList<RetrievedPaper>> SimilarAsync(string paperId, int top, CancellationToken cancellationToken = default)
    {
        if (provisional?.Invoke() == true)
        {
            return await inner.SimilarAsync(paperId, top, cancellationToken);
        }

        var key = new SimilarKey(await FreshAsync(cancellationToken), paperId, top);
        if (_cache.TryGetValue(key, out IReadOnlyList<RetrievedPaper>? cached))
        {
            return cached!;
        }

        var similar = await inner.SimilarAsync(paperId, top, cancellationToken);
        _cache.Set(key, similar, _entry);
        return similar;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>The current store generation; the first call after a write empties the cache.</summary>
    private async ValueTask<Generation> FreshAsync(CancellationToken cancellationToken)
    {
        var generation = new Generation(changes.Generation, storeVersion is null ? 0 : await storeVersion.GetVersionAsync(cancellationToken));
        lock (_generationLock)
        {
            if (_generation != generation)
            {
                _generation = generation;
                _cache.Clear();
            }
        }

        return generation;
    }

    private static string? Restriction(IReadOnlyCollection<string>? ids) =>
        ids is null ? null : string.Join('\n', ids.Order(StringComparer.Ordinal));

    private readonly record struct Generation(long Own, long Store);

    private readonly record struct RetrievalKey(Generation Generation, string Query, int? TopK, SearchFilter? Filter, string? RestrictTo, bool Diversify, bool CorrectSpelling);

    private readonly record struct SimilarKey(Generation Generation, string PaperId, int Top);
}
