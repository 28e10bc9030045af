namespace RagPapers.Cli.Tests;

/// <summary>One store with the bundled collection, ingested once by the real CLI and shared by the read-only tests.</summary>
public sealed class IngestedStore : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Path => _folder.File("shared.db");

    public CliResult Ingest { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync()
    {
        Ingest = await CliProcess.RunAsync(["ingest", "data/papers", "--store", Path]);
        Assert.True(Ingest.ExitCode == 0, Ingest.ToString());
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class IngestedStoreCollection : ICollectionFixture<IngestedStore>
{
    public const string Name = "ingested store";
}
