using System.Text;

namespace RagPapers.Answering.Contracts;

/// <summary>The answer every writer gives when the collection holds nothing relevant: an outcome, not an error.</summary>
public static class NoEvidenceAnswer
{
    private const int MaxTopicLength = 100;

    /// <summary>"I found nothing in the collection about “topic”." with no citations.</summary>
    public static Answer Create(string standaloneQuestion, string writer)
    {
        var topic = Topic(standaloneQuestion);
        var text = topic.Length == 0
            ? "I found nothing in the collection about that."
            : $"I found nothing in the collection about \u201c{topic}\u201d.";
        return new Answer(AnswerStatus.NoEvidence, text, [], writer);
    }

    /// <summary>
    /// The no-evidence answer to <paramref name="request"/>, saying where nothing was found: among the previous
    /// answer's sources ("which of those…"), in the date range, or in the collection.
    /// </summary>
    public static Answer For(AnswerRequest request, string writer)
    {
        ArgumentNullException.ThrowIfNull(request);
        var topic = Topic(request.StandaloneQuestion);
        if (request.PreviousSources > 0 && topic.Length > 0)
        {
            var sources = request.PreviousSources == 1 ? "The source of the previous answer does not match" : $"None of the {request.PreviousSources} sources of the previous answer matches";
            return new Answer(AnswerStatus.NoEvidence, $"{sources} \u201c{topic}\u201d.", [], writer);
        }

        if (request.Filter is { HasDateRange: true } filter && topic.Length > 0)
        {
            return new Answer(AnswerStatus.NoEvidence, $"I found nothing in the collection about \u201c{topic}\u201d in that range ({Range(filter)}).", [], writer);
        }

        return Create(request.StandaloneQuestion, writer);
    }

    private static string Range(Storage.SearchFilter filter) => (filter.From, filter.To) switch
    {
        ({ } from, { } to) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}"),
        ({ } from, null) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"from {from:yyyy-MM-dd}"),
        (null, { } to) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"up to {to:yyyy-MM-dd}"),
        _ => "",
    };

    /// <summary>The question as a topic: one line, without the closing question mark, at most about 100 characters.</summary>
    public static string Topic(string question)
    {
        var topic = string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '!', '.', ' ');
        if (topic.Length > 1 && char.IsUpper(topic[0]) && char.IsLower(topic[1]))
        {
            topic = char.ToLowerInvariant(topic[0]) + topic[1..]; // "What is X" reads as a topic; "BERT" stays
        }

        if (topic.Length <= MaxTopicLength)
        {
            return topic;
        }

        var cut = topic.LastIndexOf(' ', MaxTopicLength);
        return new StringBuilder(topic, 0, cut > 0 ? cut : MaxTopicLength, MaxTopicLength + 1).Append('\u2026').ToString();
    }
}
