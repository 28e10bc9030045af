using RagPapers.Retrieval;

namespace RagPapers.Core.Tests.Retrieval;

/// <summary>
/// Questions written in our own words (not the titles' words where we could avoid them), each with
/// the paper of the bundled collection that answers it. Top-5 recall over all of them must be ≥ 0.9.
/// </summary>
[Collection(BundledCollectionGroup.Name)]
public sealed class ParaphraseRecallTests(BundledCollection collection)
{
    public static readonly TheoryData<string, string> Cases = new()
    {
        { "How should the learning rate be set when pretraining language models, independent of batch size and number of tokens?", "Power Scheduler" },
        { "reading speech from lip movements with a policy gradient to fix exposure bias", "Pseudo-Convolutional Policy Gradient" },
        { "adapting pretrained features for detecting anomalous images by shifting the mean", "Mean-Shifted Contrastive Loss" },
        { "self-supervised speech representations that predict masked hidden units of sound", "HuBERT" },
        { "choosing a pretrained model from a model zoo with a black-box proxy", "Know2Vec" },
        { "personalized portrait photos of a person in a chosen style with Stable Diffusion", "MagiCapture" },
        { "shorter warmup for certified robustness training with bound propagation", "Fast Certified Robust Training" },
        { "retrieving text captions for audio clips", "Contrastive Latent Space Reconstruction Learning for Audio-Text Retrieval" },
        { "turning topology optimization densities into CAD geometry with YOLO", "From Density to Geometry" },
        { "two-tower recommender with self-supervised learning for long-tail items", "Self-supervised Learning for Large-scale Item Recommendations" },
        { "benchmark for image similarity conditioned on a text condition", "GeneCIS" },
        { "finding anomalies in software logs with deep Q-learning and few labels", "Semi-supervised learning via DQN for log anomaly detection" },
        { "solving parametric PDEs by learning in the spectral coefficient space", "Neural Spectral Methods" },
        { "learning proper losses for multiclass problems with convex gradients", "LegendreTron" },
        { "can generalization bounds be uniformly tight for overparameterized networks?", "Fantastic Generalization Measures" },
        { "does a one-layer linear attention transformer implement gradient descent in context?", "One Step of Gradient Descent" },
        { "speaker verification without labels using DINO and clustering", "Self-Supervised Learning with Cluster-Aware-DINO" },
        { "reward overoptimization in RLHF mitigated with an SFT loss", "Provably Mitigating Overoptimization in RLHF" },
    };

    [Fact]
    public async Task Retrieve_ParaphrasedQuestions_FindTheExpectedPaperInTopFiveForAtLeastNinetyPercent()
    {
        var sut = collection.Get<IPaperRetriever>();
        var misses = new List<string>();
        foreach (var row in Cases)
        {
            var (question, expected) = ((string)row[0], (string)row[1]);
            var result = await sut.RetrieveAsync(new RetrievalRequest(question, 5));
            if (!result.Papers.Any(p => p.Paper.Title.StartsWith(expected, StringComparison.OrdinalIgnoreCase)))
            {
                misses.Add($"{question} → expected '{expected}', got: {string.Join(" | ", result.Papers.Select(p => p.Paper.Title))}");
            }
        }

        var recall = 1.0 - ((double)misses.Count / Cases.Count);
        Assert.True(recall >= 0.9, $"top-5 recall {recall:0.00}; misses:\n{string.Join('\n', misses)}");
    }

    [Theory]
    [InlineData("What is the best recipe for sourdough bread?")]
    [InlineData("Who won the 1998 football world cup?")]
    [InlineData("How do I change the oil in a diesel car engine?")]
    public async Task Retrieve_TopicAbsentFromTheCollection_HasNoRelevantEvidence(string question)
    {
        var sut = collection.Get<IPaperRetriever>();

        var result = await sut.RetrieveAsync(new RetrievalRequest(question));

        Assert.False(result.HasRelevantEvidence, string.Join(" | ", result.Papers.Select(p => $"{p.Paper.Title} {p.Relevance:0.00}")));
    }
}
