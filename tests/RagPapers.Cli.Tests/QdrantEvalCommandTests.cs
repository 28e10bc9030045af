using RagPapers.Testing.Qdrant;

namespace RagPapers.Cli.Tests;

/// <summary>`ragpapers eval` as a process with Store:Provider=Qdrant: the corpus goes into the configured collection on the gRPC stand-in and every query is one hybrid call.</summary>
public sealed class QdrantEvalCommandTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private QdrantStandIn _server = null!;
    private Dictionary<string, string> _qdrant = null!;

    public async Task InitializeAsync()
    {
        _server = await QdrantStandIn.StartAsync();
        _qdrant = new()
        {
            ["RAGPAPERS_Store__Provider"] = "Qdrant",
            ["RAGPAPERS_Store__Qdrant__Url"] = _server.Url.ToString(),
            ["RAGPAPERS_Store__Qdrant__Collection"] = "eval-" + Guid.NewGuid().ToString("N"),
            ["RAGPAPERS_Embeddings__Provider"] = "Local",
        };
        File.WriteAllLines(_folder.File("corpus.jsonl"),
        [
            """{"_id": "101", "title": "Sourdough fermentation", "text": "Lactic acid bacteria and wild yeast leaven sourdough bread during a long fermentation."}""",
            """{"_id": "103", "title": "Honey bee navigation", "text": "Honey bees use the waggle dance and the sun's position to navigate to flowers."}""",
            """{"_id": "104", "title": "Coral bleaching", "text": "Marine heatwaves expel symbiotic algae from corals, which then bleach and may die."}""",
        ]);
        File.WriteAllLines(_folder.File("queries.jsonl"), ["""{"_id": "1", "text": "Wild yeast fermentation leavens sourdough bread."}""", """{"_id": "3", "text": "Heatwaves cause coral bleaching."}"""]);
        File.WriteAllLines(_folder.File("qrels.tsv"), ["query-id\tcorpus-id\tscore", "1\t101\t1", "3\t104\t1"]);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Eval_QdrantStore_IndexesIntoTheCollectionAndRunsEachQueryAsOneHybridCall()
    {
        string[] args = ["eval", "--corpus", _folder.File("corpus.jsonl"), "--queries", _folder.File("queries.jsonl"), "--qrels", _folder.File("qrels.tsv")];

        var first = await CliProcess.RunAsync(args, environment: _qdrant);
        var again = await CliProcess.RunAsync(args, environment: _qdrant);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("indexed     3 papers", first.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"MRR@10\s+1\.0000", first.StandardOutput);
        // Each judged query is run twice (a warm-up pass, then the timed one), each time as one fused call.
        var queries = _server.CallsTo("Points/Query").Select(c => c.Read(global::Qdrant.Client.Grpc.QueryPoints.Parser)).ToList();
        Assert.Equal(4, queries.Count);
        Assert.All(queries, q => Assert.Equal(["bm25", "dense"], q.Prefetch.Select(p => p.Using)));
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("already holds 3 papers", again.StandardError, StringComparison.Ordinal);
        _server.AssertNoViolations();
    }
}
