using System.Globalization;
using System.Text;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.Questions;
using RagPapers.Retrieval;
using RagPapers.Text;

namespace RagPapers.Answering.Extractive;

/// <summary>
/// The answer to a question about a paper's record: the fields the collection holds for the best paper, and for each
/// field it does not hold a plain "the collection has no … data" naming what it does record, never unrelated sentences.
/// </summary>
internal static class MetadataAnswer
{
    /// <summary>What every paper's record holds, said whenever a field asked for is missing.</summary>
    public const string WhatIsRecorded =
        "The collection records each paper's title, abstract and source file, and its authors and date when the source file gives them; it records no venues or citation counts.";

    public static Answer Compose(MetadataField fields, RetrievedPaper evidence, string writer)
    {
        var paper = evidence.Paper;
        var claims = new List<string>();
        var missing = false;
        if (fields.HasFlag(MetadataField.Authors))
        {
            missing |= paper.Authors.Count == 0;
            claims.Add(paper.Authors.Count == 0 ? "The collection has no author data for this paper [1]." : $"Its authors are {string.Join(", ", paper.Authors.Select(DisplayText.Clean))} [1].");
        }

        if (fields.HasFlag(MetadataField.Date))
        {
            missing |= paper.Published is null;
            claims.Add(paper.Published is { } date
                ? string.Create(CultureInfo.InvariantCulture, $"It was published on {date:yyyy-MM-dd} [1].")
                : "The collection does not record when it was published [1].");
        }

        if (fields.HasFlag(MetadataField.Venue))
        {
            missing = true;
            claims.Add("The collection has no venue data for this paper [1].");
        }

        if (fields.HasFlag(MetadataField.Citations))
        {
            missing = true;
            claims.Add("The collection has no citation counts for this paper [1].");
        }

        var text = new StringBuilder(ExtractiveAnswerWriter.Label(paper)).Append(" \u2014 ").AppendJoin(' ', claims);
        if (missing)
        {
            text.Append('\n').Append(WhatIsRecorded);
        }

        var sentences = SentenceSplitter.SplitToStrings(paper.Abstract);
        var quote = sentences.Count > 0 ? sentences[0] : paper.Abstract;
        var citation = new Citation(1, paper.Id, paper.Title, paper.Published, paper.Source, quote, evidence.Relevance);
        return new Answer(AnswerStatus.Answered, text.ToString(), [citation], writer);
    }
}
