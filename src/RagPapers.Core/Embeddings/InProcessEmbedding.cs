using Microsoft.Extensions.AI;

namespace RagPapers.Embeddings;

/// <summary>What every embedder that computes vectors in this process (local, MiniLM) answers the same way.</summary>
public static class InProcessEmbedding
{
    /// <summary>The computed vectors as Microsoft.Extensions.AI embeddings, each tagged with the model id.</summary>
    public static GeneratedEmbeddings<Embedding<float>> ToEmbeddings(float[][] vectors, string modelId)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (var vector in vectors)
        {
            embeddings.Add(new Embedding<float>(vector) { ModelId = modelId });
        }

        return embeddings;
    }

    /// <summary><see cref="IEmbeddingGenerator.GetService"/>: the metadata the store is described by, or the generator itself.</summary>
    public static object? GetService(IEmbeddingGenerator generator, EmbeddingGeneratorMetadata metadata, Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return metadata;
        }

        return serviceType.IsInstanceOfType(generator) ? generator : null;
    }
}
