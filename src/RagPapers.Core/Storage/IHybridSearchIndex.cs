namespace RagPapers.Storage;

/// <summary>
/// An index that fuses keyword and dense search itself, in one round trip (Qdrant's Query API with prefetches
/// and RRF). The retriever uses it when the index offers it; the fused ranking is the same weighted RRF it
/// computes otherwise.
/// </summary>
public interface IHybridSearchIndex
{
    /// <summary>Chunks ranked by Σ w / (k + rank) over the keyword and dense lists (ranks 1-based); best first.</summary>
    Task<IReadOnlyList<ChunkHit>> HybridSearchAsync(HybridSearchRequest request, CancellationToken cancellationToken = default);
}
