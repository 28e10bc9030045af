using System.Text;

namespace RagPapers.LoadTest;

/// <summary>
/// The requests of a scenario, cycling through questions about the bundled collection (and a few it does not
/// cover, so "no evidence" answers are part of the mix), like many users asking different things.
/// </summary>
internal static class Workload
{
    private static readonly string[] Questions =
    [
        "How can self-supervised learning help speaker verification?",
        "Which papers use contrastive learning for video?",
        "How does Barlow Twins avoid collapse?",
        "What is regularized preference optimization in RLHF?",
        "neural radiance fields for dynamic driving scenes",
        "knowledge distillation from a teacher network",
        "masked autoencoders for medical imaging",
        "graph contrastive learning with language models",
        "diffusion models for image generation",
        "retrieval augmented generation for question answering",
        "vision transformers with sparse attention",
        "reinforcement learning from human feedback reward models",
        "speech recognition with self-supervised encoders",
        "multimodal representation learning for robotics",
        "how do large language models use long context?",
        "point cloud segmentation",
        "What is the best recipe for sourdough bread?",
        "mixture of experts routing",
        "text to video generation with temporal consistency",
        "benchmarks for code generation",
    ];

    /// <summary>
    /// Request <paramref name="i"/> of a scenario: "search" and "ask" cycle through the questions (repeated questions,
    /// as from many users); "search-unique" and "ask-unique" add the request number, so no two are alike and every
    /// one runs the whole retrieval.
    /// </summary>
    public static HttpRequestMessage Create(string scenario, int i)
    {
        var question = Questions[i % Questions.Length] + (scenario.EndsWith("-unique", StringComparison.Ordinal) ? $" {i}" : "");
        return scenario switch
        {
            "search" or "search-unique" => new HttpRequestMessage(HttpMethod.Get, "/api/search?q=" + Uri.EscapeDataString(question) + "&top=10"),
            "ask" or "ask-unique" => new HttpRequestMessage(HttpMethod.Post, "/api/ask")
            {
                Content = new StringContent($$"""{"question": "{{question}}"}""", Encoding.UTF8, "application/json"),
            },
            _ => throw new ArgumentException($"unknown scenario {scenario}; use search, ask, search-unique or ask-unique"),
        };
    }
}
