using System.Globalization;
using System.Text;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.Questions;
using RagPapers.Papers;
using RagPapers.Text;

namespace RagPapers.Answering.Extractive;

/// <summary>
/// The offline answer writer: quotes the abstract sentences that best answer the question, one line per paper
/// ("HuBERT (2021) — quoted sentence [1]"), and cites every sentence. A question asking which papers do something
/// gets a line for every evidence paper, with its best sentence. It never writes a word of its own inside a claim,
/// so each claim is exactly what the cited paper says: shown as people read it (<see cref="DisplayText"/> turns
/// "5\%" into "5%"), while the citation's quote stays verbatim abstract text.
/// </summary>
public sealed class ExtractiveAnswerWriter : IAnswerWriter
{
    public const string WriterName = "extractive";

    private const int MaxLabelLength = 90;
    private const int MaxShortTitleLength = 60;

    public string Name => WriterName;

    public Task<Answer> WriteAsync(AnswerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var evidence = request.Evidence;

        // "Who wrote it?" is answered from the paper's record: abstract sentences cannot say who wrote them.
        var fields = MetadataQuestion.Fields(request.Question) | MetadataQuestion.Fields(request.StandaloneQuestion);
        if (fields != MetadataField.None)
        {
            var named = evidence.Papers.FirstOrDefault(p => PaperNames.IsNamedIn(p.Paper, request.Question)) ?? evidence.Papers[0];
            return Task.FromResult(MetadataAnswer.Compose(fields, named, Name));
        }

        // Sentences are scored against the question as searched, so a corrected typo matches the abstracts' words.
        var excerpts = request.ListsPapers
            ? SentenceSelector.SelectEach(request.SearchedQuestion, evidence.Papers)
            : SentenceSelector.Select(request.SearchedQuestion, evidence.Papers);
        // Relevant papers whose abstracts hold no sentence at all leave nothing to quote.
        var answer = excerpts.Count == 0 ? NoEvidenceAnswer.For(request, Name) : Compose(excerpts);
        return Task.FromResult(answer);
    }

    private Answer Compose(IReadOnlyList<PaperExcerpt> excerpts)
    {
        var text = new StringBuilder();
        var citations = new List<Citation>(excerpts.Count);
        foreach (var excerpt in excerpts)
        {
            var n = citations.Count + 1;
            var paper = excerpt.Evidence.Paper;
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(Label(paper)).Append(" \u2014 ");
            text.AppendJoin(' ', excerpt.Sentences.Select(s => $"{DisplayText.Clean(s.Text)} [{n}]"));
            citations.Add(new Citation(n, paper.Id, paper.Title, paper.Published, paper.Source, excerpt.Quote.Text, excerpt.Evidence.Relevance));
        }

        return new Answer(AnswerStatus.Answered, text.ToString(), citations, Name);
    }

    /// <summary>How a paper is named in the answer: its short name and year, "HuBERT (2021)".</summary>
    internal static string Label(Paper paper)
    {
        var name = ShortTitle(DisplayText.Clean(paper.Title));
        return paper.Published is { } date ? $"{name} ({date.Year.ToString(CultureInfo.InvariantCulture)})" : name;
    }

    // Titles like "HuBERT: Self-Supervised Speech …" are known by the part before the colon; the full title
    // stays in the citation.
    internal static string ShortTitle(string title)
    {
        var trimmed = title.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon > 1 && colon <= MaxShortTitleLength)
        {
            return trimmed[..colon];
        }

        if (trimmed.Length <= MaxLabelLength)
        {
            return trimmed;
        }

        var cut = trimmed.LastIndexOf(' ', MaxLabelLength - 1);
        return trimmed[..(cut > 0 ? cut : MaxLabelLength - 1)] + "\u2026";
    }
}
