using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPapers.Core.Tests.Fakes;
using FakePapers = RagPapers.Core.Tests.Fakes.TestPapers;
using RagPapers.Core.Tests.Storage.Contract;
using RagPapers.Core.Tests.Storage.Qdrant;
using RagPapers.Retrieval;

namespace RagPapers.Core.Tests.Retrieval;

/// <summary>The retriever on a Qdrant index fuses in Qdrant (one Query API call) and still finds the right papers.</summary>
public sealed class QdrantRetrieverTests(QdrantStandInFixture fixture) : IClassFixture<QdrantStandInFixture>
{
    [Fact]
    public async Task RetrieveAsync_QdrantIndex_OneFusedQueryFindsThePaper()
    {
        await using var index = await TestQdrant.OpenAsync(fixture.Server.Url, TestQdrant.NewCollection());
        await index.UpsertAsync(
        [
            FakePapers.Document(FakePapers.Make("zeo", "Zeolite catalysis", "Porous zeolite catalysts speed up cracking of heavy oil.", new DateOnly(2024, 3, 1))),
            FakePapers.Document(FakePapers.Make("graph", "Graph learning", "Graph networks learn node features.", new DateOnly(2023, 1, 1))),
        ]);
        var sut = new Retriever(index, new HashingEmbeddingGenerator(), Options.Create(new RetrievalOptions()), NullLogger<Retriever>.Instance);
        fixture.Server.ClearCalls();

        var result = await sut.RetrieveAsync(new RetrievalRequest("zeolite catalysts for cracking"));

        Assert.Equal("zeo", result.Papers[0].Paper.Id);
        var query = Assert.Single(fixture.Server.CallsTo("Points/Query")).Read(global::Qdrant.Client.Grpc.QueryPoints.Parser);
        Assert.Equal(2, query.Prefetch.Count);
        fixture.Server.AssertNoViolations();
    }

    [Fact]
    public async Task RetrieveAsync_RestrictedToEarlierSources_SearchesKeywordAndVectorSeparately()
    {
        await using var index = await TestQdrant.OpenAsync(fixture.Server.Url, TestQdrant.NewCollection());
        await index.UpsertAsync([FakePapers.Document(FakePapers.Make("zeo", "Zeolite catalysis", "Porous zeolite catalysts."))]);
        var sut = new Retriever(index, new HashingEmbeddingGenerator(), Options.Create(new RetrievalOptions()), NullLogger<Retriever>.Instance);
        fixture.Server.ClearCalls();

        var result = await sut.RetrieveAsync(new RetrievalRequest("zeolite", RestrictTo: ["zeo"]));

        Assert.Equal(["zeo"], result.Papers.Select(p => p.Paper.Id));
        Assert.All(fixture.Server.CallsTo("Points/Query"), c => Assert.Empty(c.Read(global::Qdrant.Client.Grpc.QueryPoints.Parser).Prefetch));
        fixture.Server.AssertNoViolations();
    }
}
