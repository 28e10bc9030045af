using System.Text;

namespace RagPapers.Answering;

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
