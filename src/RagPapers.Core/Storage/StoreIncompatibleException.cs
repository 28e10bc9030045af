namespace RagPapers.Storage;

/// <summary>The store was written by another schema or embedder version; the message says what to run.</summary>
public sealed class StoreIncompatibleException(string message) : Exception(message);
