namespace RagPapers.Storage;

/// <summary><paramref name="Embedded"/> of the store's <paramref name="Total"/> chunks have a vector of the store's embedder.</summary>
public sealed record VectorProgress(int Embedded, int Total)
{
    public static VectorProgress Empty { get; } = new(0, 0);

    /// <summary>Every chunk has its vector (an empty store too): dense search sees the whole collection.</summary>
    public bool IsComplete => Embedded >= Total;
}
