using RagPapers.Testing.Discord;
using RagPapers.Server.Tests.Infrastructure;
using RagPapers.Testing.Qdrant;

namespace RagPapers.Server.Tests.Qdrant;

/// <summary>
/// The server as Program.cs composes it (write tracking, retrieval cache, Discord endpoint) with Store:Provider=Qdrant
/// on the loopback gRPC stand-in, over the three-paper collection, with the hashed embedder (slow for one question:
/// <see cref="DelayedQuestionEmbedder"/>).
/// </summary>
public sealed class QdrantServer : IAsyncLifetime
{
    private readonly TempFolder _collection = new();

    public Ed25519KeyPair Key { get; } = new();

    public QdrantStandIn Qdrant { get; private set; } = null!;

    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Qdrant = await QdrantStandIn.StartAsync();
        Server = await RunningServer.StartAsync(TinyCollection.Settings(_collection, new()
        {
            ["Store:Provider"] = "Qdrant",
            ["Store:Qdrant:Url"] = Qdrant.Url.ToString(),
            ["Store:Qdrant:Collection"] = "server-" + Guid.NewGuid().ToString("N"),
            ["Embeddings:Provider"] = "Local",
            ["Server:RateLimit:Enabled"] = "false",
            ["Discord:PublicKey"] = Key.PublicKeyHex,

            // Nothing listens there: the deferred reply's edit fails, which is not what these tests look at.
            ["Discord:ApiBaseUrl"] = QdrantStandIn.ClosedPortUrl().ToString(),
        }), DelayedQuestionEmbedder.Register);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Qdrant.DisposeAsync();
        _collection.Dispose();
    }
}
