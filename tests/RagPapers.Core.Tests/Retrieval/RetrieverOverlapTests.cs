using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPapers.Embeddings;
using RagPapers.Retrieval;

namespace RagPapers.Core.Tests.Retrieval;

/// <summary>Keyword and dense search run at the same time even on a store whose async calls complete synchronously.</summary>
public class RetrieverOverlapTests
{
    private static readonly LocalEmbeddingGenerator Embedder = new(Options.Create(new EmbeddingsOptions()));

    [Fact]
    public async Task RetrieveAsync_KeywordSearchBlocksItsThread_DenseSearchRunsMeanwhile()
    {
        // The keyword search returns only once the dense search has started: run one after the other on one
        // thread, it would wait the whole timeout for a search that starts only after it returns.
        using var denseStarted = new ManualResetEventSlim();
        var overlapped = false;
        var index = new FakePaperIndex(FakePaperIndex.Embedded(Embedder.Embed, TestPapers.All).Documents)
        {
            Keyword = (_, _, _) =>
            {
                overlapped = denseStarted.Wait(TimeSpan.FromSeconds(10));
                return [];
            },
            Vector = (_, _, _) =>
            {
                denseStarted.Set();
                return [];
            },
        };
        var sut = new Retriever(index, Embedder, Options.Create(new RetrievalOptions()), NullLogger<Retriever>.Instance);

        await sut.RetrieveAsync(new RetrievalRequest("protein structure"));

        Assert.True(overlapped);
    }
}
