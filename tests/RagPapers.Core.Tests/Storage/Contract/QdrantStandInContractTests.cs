using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Hosting;
using RagPapers.Storage;
using RagPapers.Storage.Qdrant;

namespace RagPapers.Core.Tests.Storage.Contract;

/// <summary>
/// The store contract on the Qdrant index against the loopback stand-in: every request body is checked against
/// Qdrant's OpenAPI schema, so each test also fails on a request real Qdrant would refuse.
/// </summary>
public sealed class QdrantStandInContractTests(QdrantStandInFixture fixture) : PaperIndexContract, IClassFixture<QdrantStandInFixture>
{
    private readonly string collection = "contract-" + Guid.NewGuid().ToString("N");

    public override Task DisposeAsync()
    {
        fixture.Server.AssertNoViolations();
        return Task.CompletedTask;
    }

    protected override IPaperIndex CreateIndex() =>
        new QdrantPaperIndex(new QdrantStoreOptions { Url = fixture.Server.Url.ToString(), Collection = collection }, TimeProvider.System, NullLogger<QdrantPaperIndex>.Instance);
}
