namespace RagPapers.Answering;

/// <summary>What every front-end renders: text whose claims carry [n], the numbered citations, the writer, and an optional notice.</summary>
public sealed record Answer(AnswerStatus Status, string Text, IReadOnlyList<Citation> Citations, string Writer, string? Notice = null);
