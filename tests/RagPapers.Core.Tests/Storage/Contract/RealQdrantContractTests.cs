using Microsoft.Extensions.Logging.Abstractions;
using Qdrant.Client;
using RagPapers.Storage;
using RagPapers.Storage.Qdrant;

namespace RagPapers.Core.Tests.Storage.Contract;

/// <summary>
/// The store contract against a real Qdrant (1.17 or later) whose gRPC port is at RAGPAPERS_QDRANT_URL, with
/// RAGPAPERS_QDRANT_API_KEY when it needs one. Each test makes its own collection and drops it afterwards. Skipped,
/// with that reason, when the variable is unset.
/// </summary>
[RequiresEnvironment(UrlVariable, "http://localhost:6334")]
public sealed class RealQdrantContractTests : PaperIndexContract
{
    public const string UrlVariable = "RAGPAPERS_QDRANT_URL";

    private readonly QdrantStoreOptions _options = new()
    {
        Url = Environment.GetEnvironmentVariable(UrlVariable) ?? "",
        ApiKey = Environment.GetEnvironmentVariable("RAGPAPERS_QDRANT_API_KEY") ?? "",
        Collection = "ragpapers-contract-" + Guid.NewGuid().ToString("N"),
    };

    public override async Task DisposeAsync()
    {
        using var client = new QdrantClient(new Uri(_options.Url), string.IsNullOrEmpty(_options.ApiKey) ? null : _options.ApiKey);
        await client.DeleteCollectionAsync(_options.Collection);
    }

    protected override IPaperIndex CreateIndex() => new QdrantPaperIndex(_options, TimeProvider.System, NullLogger<QdrantPaperIndex>.Instance);
}
