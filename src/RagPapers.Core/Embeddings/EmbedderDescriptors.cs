using Microsoft.Extensions.AI;
using RagPapers.Storage;

namespace RagPapers.Embeddings;

/// <summary>Describes any embedder for the store from its <see cref="EmbeddingGeneratorMetadata"/>, so vectors of two embedders are never mixed.</summary>
public static class EmbedderDescriptors
{
    /// <summary>"provider/model" and the dimensions from the embedder's metadata; throws when the metadata lacks any of them.</summary>
    public static EmbedderDescriptor Describe(this IEmbeddingGenerator<string, Embedding<float>> generator) =>
        TryDescribe(generator) ?? throw new InvalidOperationException(
            $"The embedder {generator.GetType().Name} does not report its provider, model and dimensions; set Embeddings:Model and Embeddings:Dimensions, or use DescribeAsync to probe it.");

    /// <summary>Like <see cref="Describe"/>, but learns missing dimensions by embedding one probe text.</summary>
    public static async Task<EmbedderDescriptor> DescribeAsync(this IEmbeddingGenerator<string, Embedding<float>> generator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var described = TryDescribe(generator);
        if (described is not null)
        {
            return described;
        }

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        if (string.IsNullOrEmpty(metadata?.ProviderName) || string.IsNullOrEmpty(metadata.DefaultModelId))
        {
            return Describe(generator);
        }

        var probe = await generator.GenerateVectorAsync("dimension probe", cancellationToken: cancellationToken);
        return new EmbedderDescriptor($"{metadata.ProviderName}/{metadata.DefaultModelId}", probe.Length);
    }

    private static EmbedderDescriptor? TryDescribe(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        if (string.IsNullOrEmpty(metadata?.ProviderName) || string.IsNullOrEmpty(metadata.DefaultModelId) || metadata.DefaultModelDimensions is not > 0)
        {
            return null;
        }

        return new EmbedderDescriptor($"{metadata.ProviderName}/{metadata.DefaultModelId}", metadata.DefaultModelDimensions.Value);
    }
}
