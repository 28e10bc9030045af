using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace RagPapers.Cli.Tests;

/// <summary>Six one-chunk papers on distinct topics, and a look into a store file the way another process sees it.</summary>
internal static class SmallCollection
{
    public const int Papers = 6;

    private static readonly (string Id, string Title, string Abstract)[] Records =
    [
        ("2103.03230", "Barlow Twins: Self-Supervised Learning via Redundancy Reduction", "We propose an objective function that avoids collapse by making the cross-correlation matrix of two views close to the identity."),
        ("2106.07447", "HuBERT: Self-Supervised Speech Representation Learning", "HuBERT applies a prediction loss over masked regions of speech, with targets from offline clustering."),
        ("2005.14165", "Language Models are Few-Shot Learners", "Scaling up language models greatly improves task-agnostic, few-shot performance, sometimes reaching competitiveness with prior fine-tuning."),
        ("2401.00001", "Zeolite catalysts for cracking", "Porous zeolite catalysts speed up the cracking of heavy oil; acid sites in the pores decide the selectivity."),
        ("2401.00002", "Graph neural networks for molecules", "Message passing graph networks predict molecular properties such as solubility and toxicity."),
        ("2401.00003", "Protein folding with diffusion", "A diffusion model predicts protein structure from the amino acid sequence."),
    ];

    public static async Task<string> WriteAsync(TempFolder folder)
    {
        var path = folder.File("small.jsonl");
        await File.WriteAllLinesAsync(path, Records.Select(r => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["id"] = r.Id, ["title"] = r.Title, ["abstract"] = r.Abstract, ["authors"] = "A. Author", ["update_date"] = "2024-01-02",
        })));
        return path;
    }

    /// <summary>"embedder dims · N chunks · vectors 128,128": what <see cref="Inspect"/> finds, comparable as one string.</summary>
    public static string Summary(string store)
    {
        var (embedder, chunks, vectors) = Inspect(store);
        return $"{embedder} · {chunks} chunks · vectors {string.Join(',', vectors)}";
    }

    public static string Summary(string embedder, int chunks, IEnumerable<int> vectors) => $"{embedder} · {chunks} chunks · vectors {string.Join(',', vectors)}";

    /// <summary>The store's embedder, its chunks, and the byte lengths of the vectors it holds (one entry per chunk with one).</summary>
    public static (string Embedder, int Chunks, int[] VectorBytes) Inspect(string store)
    {
        using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var meta = connection.CreateCommand();
        meta.CommandText = "SELECT (SELECT value FROM meta WHERE key = 'embedder_id') || ' ' || (SELECT value FROM meta WHERE key = 'dimensions')";
        var embedder = (string)meta.ExecuteScalar()!;
        using var chunks = connection.CreateCommand();
        chunks.CommandText = "SELECT length(vector) FROM chunks";
        using var reader = chunks.ExecuteReader();
        var total = 0;
        var lengths = new List<int>();
        while (reader.Read())
        {
            total++;
            if (!reader.IsDBNull(0))
            {
                lengths.Add(reader.GetInt32(0));
            }
        }

        return (embedder, total, [.. lengths]);
    }
}
