using System.Globalization;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.Extractive;
using RagPapers.OpenAICompatible;
using RagPapers.Retrieval;
using RagPapers.Text;

namespace RagPapers.Answering.Llm;

/// <summary>
/// Turns the model's checked text into an <see cref="Answer"/>: the text as people read it (LaTeX the model wrote
/// cleaned line by line, as every front-end shows paper text), the citations the cited sources only, in the
/// order of their renumbered [k], each quoting the abstract sentence that best supports the claims citing it.
/// </summary>
internal static class LlmAnswerComposer
{
    /// <exception cref="LlmAnswerException">The text is empty, or cites no given source.</exception>
    public static Answer Compose(string text, CitationRewriter citations, SourceBook book)
    {
        var trimmed = DisplayText.CleanLines(text.Trim());
        if (trimmed.Length == 0)
        {
            throw new LlmAnswerException(new LlmFailure(LlmFailureKind.Empty));
        }

        // Only answerable questions reach the model, so an answer without a single valid citation is ungrounded.
        if (citations.Cited.Count == 0)
        {
            throw new LlmAnswerException(new LlmFailure(LlmFailureKind.NoCitation));
        }

        var list = citations.Cited.Select((original, i) => CitationFor(i + 1, book[original], trimmed)).ToArray();
        return new Answer(AnswerStatus.Answered, trimmed, list, LlmAnswerWriter.WriterName, RemovedNotice(citations.Removed));
    }

    internal static string? RemovedNotice(int removed) => removed switch
    {
        0 => null,
        1 => "Removed 1 citation that named no source given to the LLM",
        _ => string.Create(CultureInfo.InvariantCulture, $"Removed {removed} citations that named no source given to the LLM"),
    };

    private static Citation CitationFor(int k, RetrievedPaper source, string text)
    {
        var paper = source.Paper;
        return new Citation(k, paper.Id, paper.Title, paper.Published, paper.Source, Quote(k, source, text), source.Relevance);
    }

    // The quote is verbatim abstract text: the sentence sharing most distinctive words with the answer's
    // sentences that cite this source.
    private static string Quote(int k, RetrievedPaper source, string text)
    {
        var marker = $"[{k.ToString(CultureInfo.InvariantCulture)}]";
        var claims = string.Join(' ', SentenceSplitter.SplitToStrings(text).Where(s => s.Contains(marker, StringComparison.Ordinal)));
        var sentences = SentenceScorer.Score(claims.Length > 0 ? claims : text, [source])[0];
        var best = sentences.OrderByDescending(s => s.Score).ThenBy(s => s.Position).FirstOrDefault();
        return best?.Text ?? (source.Passages.Count > 0 ? source.Passages[0].Text : source.Paper.Title);
    }
}
