using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Fakes;

internal static class TestPapers
{
    public static Paper Make(string id, string title = "A title", string abstractText = "An abstract about things.", DateOnly? published = null, string source = "a.txt") =>
        new(id, title, abstractText, ["Ada Lovelace", "Alan Turing"], published, source);

    /// <summary>A stored form of <paramref name="paper"/>: one chunk per given text (the whole abstract if none), embedded by the hashing fake.</summary>
    public static PaperDocument Document(Paper paper, params string[] chunkTexts)
    {
        var texts = chunkTexts.Length == 0 ? [paper.Abstract] : chunkTexts;
        var chunks = texts
            .Select((t, i) => new IndexedChunk(new Chunk(paper.Id, i, t), HashingEmbeddingGenerator.Embed(paper.Title + ". " + t)))
            .ToArray();
        return new PaperDocument(paper, PaperHashing.ContentHash(paper), chunks);
    }

    public static async IAsyncEnumerable<ReadResult> Stream(params ReadResult[] records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }
}
