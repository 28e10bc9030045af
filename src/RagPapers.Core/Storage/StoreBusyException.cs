namespace RagPapers.Storage;

/// <summary>The store is locked by another writer for longer than the store waits; retrying later will work.</summary>
public sealed class StoreBusyException(string message, Exception? innerException = null) : StoreUnavailableException(message, innerException)
{
    /// <summary>A suggested wait before retrying.</summary>
    public static TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(2);
}
