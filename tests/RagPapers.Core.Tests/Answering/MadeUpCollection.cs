using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Configuration;
using RagPapers.Hosting;
using RagPapers.Ingestion;

namespace RagPapers.Core.Tests.Answering;

/// <summary>
/// Fourteen made-up papers in a real SQLite store, composed by AddRagPapers with the hashed embedder: six on zeolite
/// membranes for carbon capture, each worded its own way, and eight on unrelated topics.
/// </summary>
public sealed class MadeUpCollection : IAsyncLifetime
{
    public static readonly (string Id, string Title, string Abstract)[] Relevant =
    [
        ("2401.10001", "Zeolite membranes for carbon capture from flue gas", "We grow thin zeolite membranes that separate carbon dioxide from flue gas. The membranes capture carbon at high flux."),
        ("2401.10002", "Capturing CO2 with chabazite zeolite films", "Chabazite zeolite films on alumina supports capture carbon dioxide. Selectivity over nitrogen reaches forty."),
        ("2401.10003", "Defect-free zeolite membranes", "Defects limit zeolite membranes. Our defect-free zeolite membrane captures carbon dioxide from natural gas."),
        ("2401.10004", "Amine-grafted zeolites for post-combustion carbon capture", "Grafting amines into zeolite pores raises carbon capture capacity after combustion."),
        ("2401.10005", "Humidity and zeolite membrane performance in carbon capture", "Water vapour blocks zeolite membrane pores; we measure how humidity lowers carbon capture."),
        ("2401.10006", "A review of zeolite membranes for carbon dioxide separation", "This review covers zeolite membranes for carbon capture, from synthesis to pilot plants."),
    ];

    public static readonly (string Id, string Title, string Abstract)[] Unrelated =
    [
        ("2401.20001", "Generating piano music with transformers", "A transformer composes piano pieces bar by bar."),
        ("2401.20002", "Protein folding with evolutionary couplings", "Coevolution of residues predicts protein contact maps."),
        ("2401.20003", "Robot grasping from tactile feedback", "Tactile sensors guide a robot hand to grasp fragile objects."),
        ("2401.20004", "Sleep spindles and memory consolidation", "Spindles during deep sleep predict next-day recall of word lists."),
        ("2401.20005", "Traffic forecasting with graph networks", "Graph neural networks forecast road traffic from sensor grids."),
        ("2401.20006", "Speech enhancement in noisy rooms", "A mask estimator removes reverberation and babble noise from speech."),
        ("2401.20007", "Crop yield estimation from satellite images", "Satellite imagery and weather records predict wheat yields per field."),
        ("2401.20008", "Compiler fuzzing with grammars", "Grammar-based fuzzers find crashes in optimising compilers."),
    ];

    private readonly TempFolder _folder = new();
    private ServiceProvider? _services;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("not initialized");

    public async Task InitializeAsync()
    {
        var papers = Path.Combine(_folder.Path, "papers");
        Directory.CreateDirectory(papers);
        await File.WriteAllLinesAsync(
            Path.Combine(papers, "made-up.jsonl"),
            Relevant.Concat(Unrelated).Select(p => JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = p.Id,
                ["title"] = p.Title,
                ["abstract"] = p.Abstract,
                ["update_date"] = "2024-01-15",
            })));
        var root = new ContentRoot(TestPaths.RepoRoot);
        var configuration = new ConfigurationBuilder()
            .AddRagPapersSources(root, new Dictionary<string, string?>
            {
                ["Store:Sqlite:Path"] = Path.Combine(_folder.Path, "store.db"),
                ["Embeddings:Provider"] = "Local",
            })
            .Build();
        _services = new ServiceCollection().AddLogging().AddRagPapers(configuration, root).BuildServiceProvider(validateScopes: true);
        var library = _services.GetRequiredService<PaperLibrary>();
        await library.IngestAsync([Path.Combine(papers, "made-up.jsonl")]);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _folder.Dispose();
    }
}
