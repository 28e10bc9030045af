namespace RagPapers.Answering.Contracts;

/// <summary>What every front-end renders: text whose claims carry [n], the numbered citations, the writer, and an optional notice.</summary>
/// <param name="SearchedFor">The question as searched when spelling correction changed it ("searched for: …"), else null.</param>
public sealed record Answer(AnswerStatus Status, string Text, IReadOnlyList<Citation> Citations, string Writer, string? Notice = null, string? SearchedFor = null);
