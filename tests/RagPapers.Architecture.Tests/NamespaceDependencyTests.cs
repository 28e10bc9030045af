using System.Reflection;
using RagPapers.Answering.Assistant;

namespace RagPapers.Architecture.Tests;

/// <summary>
/// The rules of docs/architecture.md, held on the compiled code: no namespace cycle in any project; in Core,
/// the features follow the pipeline's order and only Hosting composes them.
/// </summary>
public sealed class NamespaceDependencyTests
{
    // Core's namespaces from the bottom of the pipeline to the top; a namespace may use its own rank or lower ones.
    private static readonly (string Namespace, int Rank)[] CoreLayers =
    [
        ("RagPapers.Text", 0), ("RagPapers.Papers", 0), ("RagPapers.Configuration", 0), ("RagPapers.OpenAICompatible", 0),
        ("RagPapers.Storage", 1),
        ("RagPapers.Embeddings", 2),
        ("RagPapers.Indexing", 3),
        ("RagPapers.Ingestion", 4),
        ("RagPapers.Retrieval", 5),
        // Answering holds only feature folders: the contract lowest, what a question asks, the writers, the assistant on top.
        ("RagPapers.Answering.Contracts", 6),
        ("RagPapers.Answering.Questions", 7),
        ("RagPapers.Answering.FollowUps", 8), ("RagPapers.Answering.Extractive", 8),
        ("RagPapers.Answering.Llm", 9),
        ("RagPapers.Answering.Assistant", 10), ("RagPapers.Conversations", 10),
        ("RagPapers.Evaluation", 11),
        ("RagPapers.Hosting", 12),
    ];

    public static TheoryData<string> Projects => ["RagPapers.Core", "RagPapers.Embeddings.MiniLM", "RagPapers.Discord", "RagPapers.Server", "ragpapers"];

    [Theory]
    [MemberData(nameof(Projects))]
    public void Namespaces_OfEachProject_FormNoCycle(string assemblyName)
    {
        var sut = NamespaceGraph.Load(Assembly.Load(assemblyName));

        var cycles = sut.Cycles();

        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(c => Describe(sut, c))));
    }

    [Fact]
    public void CoreNamespaces_UseOnlyTheirOwnStageOrEarlierOnes()
    {
        var sut = NamespaceGraph.Load(typeof(PaperAssistant).Assembly);

        var violations = sut.Namespaces
            .SelectMany(from => sut.Uses(from).Select(to => (From: from, To: to)))
            .Where(edge => Rank(edge.To) > Rank(edge.From))
            .Select(edge => $"{edge.From} (stage {Rank(edge.From)}) uses {edge.To} (stage {Rank(edge.To)}): {sut.Example(edge.From, edge.To)}")
            .ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void CoreNamespaces_AreAllPlacedInAStage()
    {
        var sut = NamespaceGraph.Load(typeof(PaperAssistant).Assembly);

        var unplaced = sut.Namespaces.Where(ns => Rank(ns) < 0).ToList();

        Assert.True(unplaced.Count == 0, "add these to CoreLayers (and docs/architecture.md): " + string.Join(", ", unplaced));
    }

    private static int Rank(string ns) =>
        CoreLayers.Where(l => ns == l.Namespace || ns.StartsWith(l.Namespace + ".", StringComparison.Ordinal))
            .Select(l => l.Rank)
            .DefaultIfEmpty(-1)
            .Max();

    private static string Describe(NamespaceGraph graph, IReadOnlyList<string> cycle)
    {
        var edges = cycle.SelectMany(from => graph.Uses(from).Where(cycle.Contains).Select(to => "  " + graph.Example(from, to)));
        return $"cycle of {cycle.Count}: {string.Join(" <-> ", cycle)}\n{string.Join("\n", edges)}";
    }
}
