namespace RagPapers.Storage;

/// <summary>A passage of a paper: <paramref name="Text"/> is verbatim abstract text; the title is added as context only when embedding and indexing.</summary>
public sealed record Chunk(string PaperId, int Ordinal, string Text)
{
    /// <summary>The text to embed: the paper's title gives the passage its context, at ingestion as in the background.</summary>
    public string EmbeddingText(string paperTitle) => paperTitle + ". " + Text;
}
