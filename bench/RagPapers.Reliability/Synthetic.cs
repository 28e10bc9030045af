using System.Text.Json;

namespace RagPapers.Reliability;

/// <summary>Synthetic JSON Lines collections: many papers with several sentences each, in a version the update scenarios can change.</summary>
internal static class Synthetic
{
    private static readonly string[] Words = ["graph", "attention", "diffusion", "protein", "robot", "speech", "vision", "policy", "reward", "token", "sparse", "kernel", "memory", "latent", "audio", "video", "retrieval", "agent", "planning", "molecule"];

    public static string Id(int i) => $"2301.{i:D5}";

    public static async Task WriteAsync(string path, int count, int version = 1, int firstId = 0)
    {
        var random = new Random(7 + version);
        await using var writer = new StreamWriter(path);
        for (var i = firstId; i < firstId + count; i++)
        {
            var sentences = Enumerable.Range(0, 6).Select(_ => $"In version {version} we study " + string.Join(' ', Enumerable.Range(0, 14).Select(_ => Words[random.Next(Words.Length)])) + ".");
            var record = new Dictionary<string, string>
            {
                ["id"] = Id(i),
                ["title"] = $"Synthetic paper {i} on {Words[i % Words.Length]}",
                ["abstract"] = string.Join(' ', sentences),
                ["update_date"] = "2023-01-15",
            };
            await writer.WriteLineAsync(JsonSerializer.Serialize(record));
        }
    }
}
