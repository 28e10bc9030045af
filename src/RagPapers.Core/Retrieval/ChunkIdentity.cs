using RagPapers.Storage;

namespace RagPapers.Retrieval;

/// <summary>A chunk is the same chunk in both result lists when paper id and ordinal agree; text and score may differ.</summary>
internal sealed class ChunkIdentity : IEqualityComparer<ChunkHit>
{
    public static readonly ChunkIdentity Instance = new();

    public bool Equals(ChunkHit? x, ChunkHit? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Ordinal == y.Ordinal && string.Equals(x.PaperId, y.PaperId, StringComparison.Ordinal));

    public int GetHashCode(ChunkHit obj) => HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.PaperId), obj.Ordinal);
}
