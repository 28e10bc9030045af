namespace RagPapers.Storage;

/// <summary>An optional capability of a store (see <see cref="IPaperIndex.GetService"/>): counting the papers without a date in one query.</summary>
public interface IUndatedPaperCount
{
    /// <summary>Papers whose date the store does not know, read from <paramref name="source"/> (null: from any file).</summary>
    Task<int> CountUndatedPapersAsync(string? source, CancellationToken cancellationToken = default);
}
