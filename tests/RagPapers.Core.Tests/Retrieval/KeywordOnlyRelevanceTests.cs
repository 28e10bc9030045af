using System.Text.Json;
using RagPapers.Retrieval;
using Xunit.Abstractions;

namespace RagPapers.Core.Tests.Retrieval;

/// <summary>
/// The "nothing relevant" decision by keyword alone (Retrieval:KeywordOnlyMinRelevance), on the bundled collection
/// before any vector is computed: what users get in the first seconds of a first run.
/// </summary>
public sealed class KeywordOnlyRelevanceTests(KeywordOnlyCollection collection, ITestOutputHelper output) : IClassFixture<KeywordOnlyCollection>
{
    // Questions the bundled collection answers: the README's, the chat tests', and paraphrases of its topics.
    public static readonly TheoryData<string> OnTopic =
    [
        "How can self-supervised learning help speaker verification without labels?",
        "Which papers learn video representations with contrastive objectives?",
        "How do masked autoencoders help medical imaging with small datasets?",
        "What problems does knowledge distillation with a teacher network have?",
        "How does Barlow Twins avoid collapse in self-supervised learning?",
        "Which papers study self-distillation?",
        "video representation learning with contrastive losses",
        "Which papers use contrastive learning for self-supervised representations?",
        "masked autoencoders for medical imaging",
        "self-supervised speech representation learning",
        "How does DINO learn visual features without labels?",
        "contrastive language image pretraining",
        "What is momentum contrast?",
        "self-supervised learning for point clouds",
        "graph contrastive learning",
    ];

    [Theory]
    [MemberData(nameof(OnTopic))]
    public async Task RetrieveAsync_QuestionTheCollectionAnswers_HasRelevantEvidence(string question)
    {
        var result = await collection.Retriever.RetrieveAsync(new RetrievalRequest(question));

        output.WriteLine($"{Best(result):0.000} {question}");
        Assert.NotNull(result.Notice);
        Assert.True(result.HasRelevantEvidence, $"best coverage {Best(result):0.000}");
    }

    [Fact]
    public async Task RetrieveAsync_OffTopicCalibrationQuestions_NoneHasRelevantEvidence()
    {
        var answered = new List<string>();
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(TestPaths.RepoRoot, "data", "eval", "offtopic-queries.jsonl")))
        {
            var question = JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!;
            var result = await collection.Retriever.RetrieveAsync(new RetrievalRequest(question));
            output.WriteLine($"{Best(result):0.000} {question}");
            if (result.HasRelevantEvidence)
            {
                answered.Add($"{question} ({Best(result):0.000})");
            }
        }

        Assert.Empty(answered);
    }

    private static double Best(RetrievalResult result) => result.Papers.Count == 0 ? 0 : result.Papers.Max(p => p.Relevance);
}
