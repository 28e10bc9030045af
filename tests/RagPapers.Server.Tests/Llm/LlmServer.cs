using RagPapers.Server.Tests.Infrastructure;
using RagPapers.Testing.OpenAi;

namespace RagPapers.Server.Tests.Llm;

/// <summary>A server whose default writer is the LLM one, pointed at the loopback OpenAI stand-in.</summary>
public sealed class LlmServer : IAsyncLifetime
{
    private readonly TempFolder _collection = new();

    public OpenAiStandIn Model { get; private set; } = null!;

    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Model = await OpenAiStandIn.StartAsync();
        Server = await RunningServer.StartAsync(TinyCollection.Settings(_collection, new()
        {
            ["Server:RateLimit:Enabled"] = "false",
            ["Chat:Provider"] = "OpenAI",
            ["Chat:Endpoint"] = Model.BaseUrl,
            ["Chat:Model"] = "llama3.1:8b",
            ["Chat:UseTools"] = "Off",
        }));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Model.DisposeAsync();
        _collection.Dispose();
    }
}
