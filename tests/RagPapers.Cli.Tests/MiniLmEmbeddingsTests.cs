using System.Globalization;
using System.Text.RegularExpressions;

namespace RagPapers.Cli.Tests;

/// <summary>Embeddings:Provider MiniLM end to end in the real CLI: the neural embedder finds a paraphrase, and the store it built refuses the hashed one.</summary>
public sealed class MiniLmEmbeddingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task IngestAndSearch_MiniLM_FindsAPaperByMeaningAndTheStoreThenRefusesTheLocalEmbedder()
    {
        var papers = _folder.File("papers.jsonl");
        await File.WriteAllLinesAsync(papers, [
            """{"id":"2103.03230","title":"Barlow Twins: Self-Supervised Learning via Redundancy Reduction","abstract":"We propose an objective function that avoids collapse by making the cross-correlation matrix of two views close to the identity.","authors":"Jure Zbontar","update_date":"2021-03-04"}""",
            """{"id":"2106.07447","title":"HuBERT: Self-Supervised Speech Representation Learning","abstract":"HuBERT applies a prediction loss over masked regions of speech, with targets from offline clustering.","authors":"Wei-Ning Hsu","update_date":"2021-06-14"}""",
            """{"id":"2005.14165","title":"Language Models are Few-Shot Learners","abstract":"Scaling up language models greatly improves task-agnostic, few-shot performance, sometimes reaching competitiveness with prior fine-tuning approaches.","authors":"Tom B. Brown","update_date":"2020-05-28"}""",
        ]);
        var store = _folder.File("minilm.db");
        var environment = new Dictionary<string, string> { ["RAGPAPERS_Embeddings__Provider"] = "MiniLM" };

        var ingest = await CliProcess.RunAsync(["ingest", papers, "--store", store], environment: environment);
        // No word of the question is in any record: only meaning connects "audio" and "speech", so keyword
        // coverage is 0 everywhere and the relevance shown is the embedder's cosine alone.
        var search = await CliProcess.RunAsync(["search", "audio pretraining without transcripts", "--store", store], environment: environment);
        var local = await CliProcess.RunAsync(["search", "speech", "--store", store]);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Contains("1. HuBERT", search.StandardOutput, StringComparison.Ordinal);
        var relevances = Regex.Matches(search.StandardOutput, @"relevance (\d\.\d\d)").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(relevances.Length is 2 or 3, search.StandardOutput); // a paper sharing nothing (relevance 0.00) is not listed
        Assert.True(relevances[0] >= 0.3 && relevances[1] <= 0.1, search.StandardOutput);
        Assert.Equal(1, local.ExitCode);
        Assert.Contains("built with embedder 'ragpapers-onnx/all-MiniLM-L6-v2' (384 dims)", local.StandardError, StringComparison.Ordinal);
    }
}
