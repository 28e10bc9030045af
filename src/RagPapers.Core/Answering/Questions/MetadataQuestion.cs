using System.Text.RegularExpressions;

namespace RagPapers.Answering.Questions;

/// <summary>
/// Recognizes questions about a paper's record rather than its content: who wrote it, when or where it was published,
/// how often it is cited. Quoting abstract sentences cannot answer those, so they get an answer from the record,
/// which says plainly what the collection does not hold.
/// </summary>
public static partial class MetadataQuestion
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>The record fields <paramref name="question"/> asks for; None for a question about content.</summary>
    public static MetadataField Fields(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var fields = MetadataField.None;
        fields |= Authors().IsMatch(question) ? MetadataField.Authors : MetadataField.None;
        fields |= Date().IsMatch(question) ? MetadataField.Date : MetadataField.None;
        fields |= Venue().IsMatch(question) ? MetadataField.Venue : MetadataField.None;
        fields |= Citations().IsMatch(question) ? MetadataField.Citations : MetadataField.None;
        return fields;
    }

    /// <summary>
    /// What a record question is about, to search with: "How many citations does HuBERT have?" is about "HuBERT".
    /// The words that only ask for a record field would otherwise weigh as much as the paper's name and could sink
    /// it below the relevance threshold. The question itself when nothing else is left.
    /// </summary>
    public static string Subject(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var subject = string.Join(' ', Word().Matches(question).Select(m => m.Value).Where(w => !FieldWords.Contains(w)));
        return subject.Length == 0 ? question : subject;
    }

    private static readonly HashSet<string> FieldWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "who", "whom", "wrote", "written", "authored", "author", "authors", "authorship", "researchers", "writers", "behind",
        "when", "published", "publication", "released", "release", "submitted", "appear", "come", "out", "date", "year",
        "which", "what", "where", "venue", "venues", "conference", "journal", "workshop", "presented",
        "how", "many", "much", "often", "widely", "times", "citations", "citation", "cited", "count", "counts", "number",
    };

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-\.]*[\p{L}\p{N}]|[\p{L}\p{N}]")]
    private static partial Regex Word();

    [GeneratedRegex(@"\bwho\s+(?:wrote|authored|(?:are|were|is|was)\s+(?:the\s+)?(?:authors?|researchers|writers?))\b|\bauthors?\s+(?:of|behind)\b|\bwritten\s+by\s+whom\b|\bwho\s+is\s+behind\b", Options)]
    private static partial Regex Authors();

    [GeneratedRegex(@"\bwhen\s+(?:was|were|is|did)\b[^?]*\b(?:published|released|written|appear|come\s+out|submitted)\b|\b(?:publication|release)\s+(?:date|year)\b|\b(?:what|which)\s+year\b", Options)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(?:which|what)\s+(?:venue|conference|journal|workshop)s?\b|\bwhere\s+(?:was|were|is|are)\b[^?]*\b(?:published|presented)\b|\bpublished\s+(?:in|at)\s+(?:which|what)\b|\bvenues?\b", Options)]
    private static partial Regex Venue();

    [GeneratedRegex(@"\bhow\s+(?:many\s+times|often|widely|much)\b[^?]*\bcited\b|\bnumber\s+of\s+citations\s+(?:of|does|for)\b|\bhow\s+many\s+citations\b|\bcitations?\s+does\b", Options)]
    private static partial Regex Citations();
}
