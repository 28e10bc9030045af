namespace RagPapers.Web.Tests.Infrastructure;

/// <summary>
/// A made-up collection in three files (so the source filter has something to choose): molecules, speech, and one
/// paper whose title, authors and abstract carry markup that must stay inert text on the page.
/// </summary>
public static class PaperCollection
{
    public const string MoleculesFile = "molecules.jsonl";
    public const string SpeechFile = "speech.jsonl";
    public const string MarkupFile = "markup.jsonl";
    public const string GraphPaperTitle = "Graph Neural Networks for Molecule Property Prediction";
    public const string UndatedPaperTitle = "Molecular Fingerprints Revisited";
    public const string HostileTitle = "Markup Injection in Retrieval Interfaces <img src=x onerror=\"window.__pwned='title'\">";
    public const string HostileScript = "<script>window.__pwned = 'script';</script>";
    public const string HostileImage = "<img src=x onerror=\"window.__pwned='abstract'\">";

    private static readonly string[] Molecules =
    [
        """{"id": "2401.00001", "title": "Graph Neural Networks for Molecule Property Prediction", "abstract": "We study graph neural networks that predict molecule properties. Message passing over atoms and bonds beats fingerprints on five benchmarks.", "authors": "Ada Lovelace, Alan Turing", "update_date": "2024-01-05"}""",
        """{"id": "2401.00011", "title": "Equivariant Graph Networks for Protein Structure", "abstract": "Equivariant graph neural networks model protein structure from residue contacts. Rotation-equivariant message passing improves contact prediction over convolutional baselines.", "authors": "Rosalind Franklin", "update_date": "2024-02-14"}""",
        """{"id": "2401.00012", "title": "Sparse Attention for Long Documents", "abstract": "Sparse attention patterns let transformers read documents of a hundred thousand tokens. We compare sliding windows with global tokens.", "authors": "Grace Hopper", "update_date": "2024-03-02"}""",
        """{"title": "Molecular Fingerprints Revisited", "abstract": "Circular molecular fingerprints remain strong baselines for molecule property prediction when labelled data are scarce. We revisit them against graph neural networks.", "authors": "Dorothy Hodgkin"}""",
    ];

    private static readonly string[] Speech =
    [
        """{"id": "2402.00021", "title": "Speech Recognition with Self-Supervised Encoders", "abstract": "Self-supervised speech encoders cut the labelled data needed for speech recognition by a factor of ten. We fine-tune on ten hours of transcribed audio.", "authors": "Claude Shannon", "update_date": "2024-01-12"}""",
        """{"id": "2402.00022", "title": "Self-Supervised Speaker Verification", "abstract": "Contrastive self-supervised learning trains speaker embeddings without labels. Verification error falls by a third on noisy recordings.", "authors": "Hedy Lamarr", "update_date": "2024-04-20"}""",
        """{"id": "2402.00023", "title": "Self-Supervised Learning for Keyword Spotting", "abstract": "Self-supervised pre-training helps small keyword spotting models on devices. We distil a large encoder into a tiny one.", "authors": "Edsger Dijkstra", "update_date": "2023-11-30"}""",
    ];

    /// <summary>Writes the three files into <paramref name="folder"/> and returns it, for Collection:Paths.</summary>
    public static string Write(string folder)
    {
        File.WriteAllLines(Path.Combine(folder, MoleculesFile), Molecules);
        File.WriteAllLines(Path.Combine(folder, SpeechFile), Speech);
        File.WriteAllText(Path.Combine(folder, MarkupFile), HostileRecord() + "\n");
        return folder;
    }

    private static string HostileRecord() => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["id"] = "2403.00031",
        ["title"] = HostileTitle,
        ["abstract"] = $"We study markup injection into search interfaces. {HostileScript} A paper abstract may carry {HostileImage} tags, and an interface must show them as text.",
        ["authors"] = "Mallory <b>Evil</b>",
        ["update_date"] = "2024-05-01",
    });
}
