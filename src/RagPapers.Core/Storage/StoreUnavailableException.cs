namespace RagPapers.Storage;

/// <summary>
/// The store's server could not be reached, kept failing, or refused a request (a wrong API key, a collection
/// removed under us); the message names the server and what happened.
/// </summary>
public class StoreUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
