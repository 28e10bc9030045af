using System.Globalization;
using System.Text.RegularExpressions;

namespace RagPapers.Cli.Tests;

/// <summary>
/// The default embedder (MiniLM) end to end in the real CLI, on a handful of papers: the neural embedder finds a
/// paraphrase, and the hashed one re-embeds the store it built in place.
/// </summary>
public sealed class MiniLmEmbeddingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task IngestAndSearch_DefaultEmbedder_FindsAPaperByMeaningAndTheLocalEmbedderThenReembedsTheStore()
    {
        var papers = _folder.File("papers.jsonl");
        await File.WriteAllLinesAsync(papers, [
            """{"id":"2103.03230","title":"Barlow Twins: Self-Supervised Learning via Redundancy Reduction","abstract":"We propose an objective function that avoids collapse by making the cross-correlation matrix of two views close to the identity.","authors":"Jure Zbontar","update_date":"2021-03-04"}""",
            """{"id":"2106.07447","title":"HuBERT: Self-Supervised Speech Representation Learning","abstract":"HuBERT applies a prediction loss over masked regions of speech, with targets from offline clustering.","authors":"Wei-Ning Hsu","update_date":"2021-06-14"}""",
            """{"id":"2005.14165","title":"Language Models are Few-Shot Learners","abstract":"Scaling up language models greatly improves task-agnostic, few-shot performance, sometimes reaching competitiveness with prior fine-tuning approaches.","authors":"Tom B. Brown","update_date":"2020-05-28"}""",
        ]);
        var store = _folder.File("minilm.db");
        var environment = CliProcess.NeuralDefault; // no Embeddings:Provider: the default

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
        Assert.Contains("semantic index complete: 3 chunks", ingest.StandardError, StringComparison.Ordinal);
        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Contains("The store was built with embedder 'ragpapers-onnx/all-MiniLM-L6-v2' (384 dims)", local.StandardError, StringComparison.Ordinal);
        Assert.Contains("1. HuBERT", local.StandardOutput, StringComparison.Ordinal);
    }
}
