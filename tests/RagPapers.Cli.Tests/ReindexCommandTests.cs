using System.Net;
using System.Net.Sockets;
using RagPapers.Testing.Qdrant;

namespace RagPapers.Cli.Tests;

/// <summary>`ragpapers reindex` run as a process against a SQLite file and the Qdrant stand-in on loopback.</summary>
public sealed class ReindexCommandTests : IAsyncLifetime
{
    private static readonly string[] Records =
    [
        """{"id":"2401.00001","title":"Zeolite catalysts for cracking","abstract":"Porous zeolite catalysts speed up the cracking of heavy oil. Acid sites in the pores decide the selectivity.","authors":"A. Author","update_date":"2024-01-02"}""",
        """{"id":"2401.00002","title":"Graph neural networks","abstract":"Graph networks learn node features by passing messages along edges.","authors":"B. Author and C. Author","update_date":"2024-02-03"}""",
        """{"id":"2401.00003","title":"Protein folding with diffusion","abstract":"A diffusion model predicts protein structure from sequence.","authors":"D. Author","update_date":"2023-11-20"}""",
    ];

    private readonly TempFolder _folder = new();
    private QdrantStandIn _server = null!;
    private Dictionary<string, string> _qdrant = null!;

    public async Task InitializeAsync()
    {
        _server = await QdrantStandIn.StartAsync();
        _qdrant = new()
        {
            ["RAGPAPERS_Store__Qdrant__Url"] = _server.Url.ToString(),
            ["RAGPAPERS_Store__Qdrant__Collection"] = "cli-" + Guid.NewGuid().ToString("N"),
        };
        await File.WriteAllLinesAsync(_folder.File("papers.jsonl"), Records);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Reindex_SqliteToQdrantAndBack_MovesEveryPaperAndQdrantServesTheCommands()
    {
        var source = _folder.File("source.db");
        var back = _folder.File("back.db");
        Assert.Equal(0, (await CliProcess.RunAsync(["ingest", _folder.File("papers.jsonl"), "--store", source])).ExitCode);

        var toQdrant = await CliProcess.RunAsync(["reindex", "--from", "sqlite", "--to", "qdrant", "--store", source], environment: _qdrant);
        var again = await CliProcess.RunAsync(["reindex", "--from", "sqlite", "--to", "qdrant", "--store", source], environment: _qdrant);
        var onQdrant = await CliProcess.RunAsync(["papers", "--list"], environment: WithProvider("Qdrant"));
        var search = await CliProcess.RunAsync(["search", "zeolite catalysts", "--top", "1"], environment: WithProvider("Qdrant"));
        var toSqlite = await CliProcess.RunAsync(["reindex", "--from", "qdrant", "--to", "sqlite", "--store", back], environment: _qdrant);

        Assert.True(toQdrant.ExitCode == 0, toQdrant.ToString());
        Assert.StartsWith("copied 3 papers (", toQdrant.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("0 unchanged; 3 papers there now", toQdrant.StandardOutput, StringComparison.Ordinal);
        Assert.StartsWith("copied 0 papers (0 chunks)", again.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("3 unchanged", again.StandardOutput, StringComparison.Ordinal);
        var onSqlite = await CliProcess.RunAsync(["papers", "--list", "--store", source]);
        Assert.True(onQdrant.ExitCode == 0, onQdrant.ToString());
        Assert.Equal(onSqlite.StandardOutput, onQdrant.StandardOutput);
        Assert.Contains("id 2401.00001", search.StandardOutput, StringComparison.Ordinal);
        Assert.True(toSqlite.ExitCode == 0, toSqlite.ToString());
        Assert.Equal(onSqlite.StandardOutput, (await CliProcess.RunAsync(["papers", "--list", "--store", back])).StandardOutput);
        _server.AssertNoViolations();
    }

    [Fact]
    public async Task Reindex_SourceBuiltByAnotherEmbedder_ReembedsItFirstThenCopies()
    {
        var source = _folder.File("other.db");
        var ingest = await CliProcess.RunAsync(["ingest", _folder.File("papers.jsonl"), "--store", source], environment: new Dictionary<string, string> { ["RAGPAPERS_Embeddings__Dimensions"] = "256" });
        Assert.Equal(0, ingest.ExitCode);

        var result = await CliProcess.RunAsync(["reindex", "--from", "sqlite", "--to", "qdrant", "--store", source], environment: _qdrant);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("semantic index 0/3: the source's vectors are computed before they are copied", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("copied 3 papers (3 chunks)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Repeat(512 * 4, 3), SmallCollection.Inspect(source).VectorBytes);
        _server.AssertNoViolations();
    }

    [Fact]
    public async Task ReindexEmbeddings_QdrantStore_ExitsOneSayingItCannotReembedInPlace()
    {
        var result = await CliProcess.RunAsync(["reindex", "--embeddings"], environment: WithProvider("Qdrant"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("takes its vectors during ingestion and cannot re-embed them in place", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReindexEmbeddings_WithFrom_ExitsTwo()
    {
        var result = await CliProcess.RunAsync(["reindex", "--embeddings", "--from", "sqlite"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--embeddings re-embeds the configured store in place", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_QdrantUnreachable_ExitsOneNamingTheUrl()
    {
        var source = _folder.File("s.db");
        Assert.Equal(0, (await CliProcess.RunAsync(["ingest", _folder.File("papers.jsonl"), "--store", source])).ExitCode);
        var url = $"http://127.0.0.1:{FreePort()}/";

        var result = await CliProcess.RunAsync(
            ["reindex", "--from", "sqlite", "--to", "qdrant", "--store", source],
            environment: new Dictionary<string, string> { ["RAGPAPERS_Store__Qdrant__Url"] = url, ["RAGPAPERS_Store__Qdrant__MaxRetries"] = "1" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: Qdrant at {url} is unreachable", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite", "sqlite")]
    [InlineData("mysql", "qdrant")]
    public async Task Reindex_BadStoreNames_ExitsTwo(string from, string to)
    {
        var result = await CliProcess.RunAsync(["reindex", "--from", from, "--to", to]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--from", result.StandardError, StringComparison.Ordinal);
    }

    private Dictionary<string, string> WithProvider(string provider) => new(_qdrant) { ["RAGPAPERS_Store__Provider"] = provider };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
