namespace RagPapers.Ingestion;

/// <summary>A passage of a paper: <paramref name="Text"/> is verbatim abstract text; the title is added as context only when embedding and indexing.</summary>
public sealed record Chunk(string PaperId, int Ordinal, string Text);
