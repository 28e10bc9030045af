namespace RagPapers.Server.Tests.Infrastructure;

/// <summary>A three-paper JSON Lines collection, for servers whose tests do not need the bundled papers.</summary>
public static class TinyCollection
{
    public const string GraphPaperId = "2401.00001";

    public static readonly string[] Lines =
    [
        """{"id": "2401.00001", "title": "Graph Neural Networks for Molecule Property Prediction", "abstract": "We study graph neural networks that predict molecule properties. Message passing over atoms and bonds beats fingerprints on five benchmarks.", "authors": "Ada Lovelace, Alan Turing", "update_date": "2024-01-05"}""",
        """{"id": "2401.00002", "title": "Sparse Attention for Long Documents", "abstract": "Sparse attention patterns let transformers read documents of a hundred thousand tokens. We compare sliding windows with global tokens.", "authors": "Grace Hopper", "update_date": "2024-01-09"}""",
        """{"id": "2401.00003", "title": "Speech Recognition with Self-Supervised Encoders", "abstract": "Self-supervised speech encoders cut the labelled data needed for speech recognition by a factor of ten. We fine-tune on ten hours of transcribed audio.", "authors": "Claude Shannon", "update_date": "2024-01-12"}""",
    ];

    /// <summary>Writes the collection as papers.jsonl in <paramref name="folder"/> and returns its path.</summary>
    public static string Write(TempFolder folder)
    {
        var path = folder.File("papers.jsonl");
        File.WriteAllLines(path, Lines);
        return path;
    }

    /// <summary>Settings for a server on this collection: Collection:Paths points at the file.</summary>
    public static Dictionary<string, string> Settings(TempFolder folder, Dictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>(more ?? []) { ["Collection:Paths:0"] = Write(folder) };
        return settings;
    }
}
