namespace RagPapers.Storage;

/// <summary>What a copy between stores did: papers (and their chunks) written, papers the target already had, papers only the target has (left as they are).</summary>
public sealed record PaperCopySummary(int Copied, int Chunks, int Unchanged, int OnlyInTarget);
