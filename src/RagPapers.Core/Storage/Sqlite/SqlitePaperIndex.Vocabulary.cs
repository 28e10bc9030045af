using System.Diagnostics;

namespace RagPapers.Storage.Sqlite;

public sealed partial class SqlitePaperIndex
{
    /// <summary>
    /// The vocabulary table read into memory on first use after a write (not at open: a large store must not be
    /// scanned at start-up) and kept until the next write, which drops it.
    /// </summary>
    public async Task<CollectionVocabulary> GetVocabularyAsync(CancellationToken cancellationToken = default)
    {
        using var _ = await LockAsync(cancellationToken);
        if (_vocabulary is { } kept)
        {
            return kept;
        }

        var started = Stopwatch.GetTimestamp();
        _vocabulary = await VocabularyRows.ReadAsync(_connection!, cancellationToken);
        Log.VocabularyLoaded(logger, _vocabulary.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return _vocabulary;
    }
}
