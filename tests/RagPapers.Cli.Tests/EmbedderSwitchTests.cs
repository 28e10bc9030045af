namespace RagPapers.Cli.Tests;

/// <summary>Changing embedders keeps the store: papers and chunks stay, only the vectors are computed again.</summary>
public sealed class EmbedderSwitchTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private string _collection = "";

    private string Store => _folder.File("store.db");

    public async Task InitializeAsync() => _collection = await SmallCollection.WriteAsync(_folder);

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Ask_StoreBuiltWith512DimensionsAskedWith256_ReembedsInPlaceAndAnswers()
    {
        var ingest = await CliProcess.RunAsync(["ingest", _collection, "--store", Store]);
        var smaller = new Dictionary<string, string> { ["RAGPAPERS_Embeddings__Dimensions"] = "256" };

        var ask = await CliProcess.RunAsync(["ask", "Which papers predict molecular solubility?", "--store", Store], environment: smaller);
        var papers = await CliProcess.RunAsync(["papers", "--store", Store], environment: smaller);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.True(ask.ExitCode == 0, ask.ToString());
        Assert.Contains("The store was built with embedder 'ragpapers-local/hashed-ngrams-v1' (512 dims): its 6 chunks are re-embedded with Embeddings:Provider Local", ask.StandardError, StringComparison.Ordinal);
        Assert.Contains("semantic index complete: 6 chunks", ask.StandardError, StringComparison.Ordinal);
        Assert.Contains("Graph neural networks for molecules", ask.StandardOutput, StringComparison.Ordinal);
        Assert.StartsWith("6 papers (6 chunks)", papers.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(SmallCollection.Summary("ragpapers-local/hashed-ngrams-v1 256", 6, Enumerable.Repeat(256 * 4, 6)), SmallCollection.Summary(Store));
    }

    [Fact]
    public async Task ReindexEmbeddings_CompleteStore_RecomputesEveryVector()
    {
        Assert.Equal(0, (await CliProcess.RunAsync(["ingest", _collection, "--store", Store])).ExitCode);

        var result = await CliProcess.RunAsync(["reindex", "--embeddings", "--store", Store]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Re-embedding all 6 chunks with Embeddings:Provider Local", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("re-embedded 6 chunks with Embeddings:Provider Local", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Repeat(512 * 4, 6), SmallCollection.Inspect(Store).VectorBytes);
    }
}
