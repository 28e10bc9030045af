using RagPapers.Testing.Qdrant;

namespace RagPapers.Core.Tests.Storage.Contract;

/// <summary>One Qdrant stand-in per test class; tests use their own collections in it.</summary>
public sealed class QdrantStandInFixture : IAsyncLifetime
{
    public QdrantStandIn Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await QdrantStandIn.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
