using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RagPapers.Embeddings;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Embeddings;

public class EmbedderDescriptorsTests
{
    [Fact]
    public void Describe_LocalEmbedder_SameAsItsDescriptor()
    {
        using var sut = new LocalEmbeddingGenerator(Options.Create(new EmbeddingsOptions { Dimensions = 768 }));

        Assert.Equal(sut.Descriptor, sut.Describe());
    }

    [Fact]
    public void Describe_FullMetadata_ProviderSlashModel()
    {
        using var sut = new TestEmbeddingGenerator(_ => [1f], new EmbeddingGeneratorMetadata("openai", null, "text-embedding-3-small", 1536));

        Assert.Equal(new EmbedderDescriptor("openai/text-embedding-3-small", 1536), sut.Describe());
    }

    [Fact]
    public void Describe_NoMetadata_ThrowsWithActionableMessage()
    {
        using var sut = new TestEmbeddingGenerator(_ => [1f]);

        var error = Assert.Throws<InvalidOperationException>(() => sut.Describe());

        Assert.Contains("Embeddings:Dimensions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeAsync_MetadataWithoutDimensions_ProbesOneVector()
    {
        using var sut = new TestEmbeddingGenerator(_ => new float[42], new EmbeddingGeneratorMetadata("ollama", null, "nomic-embed-text"));

        var descriptor = await sut.DescribeAsync();

        Assert.Equal(new EmbedderDescriptor("ollama/nomic-embed-text", 42), descriptor);
        Assert.Equal(1, sut.Calls);
    }

    [Fact]
    public async Task DescribeAsync_FullMetadata_NoProbe()
    {
        using var sut = new TestEmbeddingGenerator(_ => new float[42], new EmbeddingGeneratorMetadata("openai", null, "m", 8));

        var descriptor = await sut.DescribeAsync();

        Assert.Equal(8, descriptor.Dimensions);
        Assert.Equal(0, sut.Calls);
    }
}
