namespace RagPapers.Embeddings;

/// <summary>The embeddings endpoint could not embed; the message names the endpoint, the model and what went wrong (never the key).</summary>
public sealed class EmbeddingServiceException(string message, Exception? inner = null) : Exception(message, inner);
