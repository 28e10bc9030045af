using RagPapers.Core.Tests.Storage.Qdrant;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Storage.Contract;

/// <summary>
/// The store contract on the Qdrant index, through the official client over gRPC, against the loopback stand-in
/// generated from Qdrant's .proto files; a test also fails when it leaned on something the stand-in does not imitate.
/// </summary>
public sealed class QdrantStandInContractTests(QdrantStandInFixture fixture) : PaperIndexContract, IClassFixture<QdrantStandInFixture>
{
    private readonly string _collection = "contract-" + Guid.NewGuid().ToString("N");

    public override Task DisposeAsync()
    {
        fixture.Server.AssertNoViolations();
        return Task.CompletedTask;
    }

    protected override IPaperIndex CreateIndex() => TestQdrant.Index(fixture.Server.Url, _collection);
}
