using System.Globalization;
using System.Text.RegularExpressions;
using RagPapers.Answering.Contracts;
using RagPapers.Text;

namespace RagPapers.Answering.FollowUps;

/// <summary>
/// Turns a follow-up into a question retrieval can answer on its own. Pure and deterministic: no model involved.
/// </summary>
/// <remarks>
/// Why rules and not a model: the offline default has no LLM, and the follow-ups people type in a chat about papers
/// are few and regular. The rules, tried in this order against the previous turn (no previous turn: as asked):
/// <list type="number">
/// <item>A named source — "[2]", "source 3", "paper #2", "the second one", "the 2nd paper", "the last one", and
/// in order of preference the previous answer's citation n, else its n-th evidence paper — restricts retrieval to
/// that paper and replaces the phrase by the paper's title so the search finds it; when nothing but filler is left
/// ("and the second one?") the standalone question is the title. "that paper", "this one" and, in a question of at
/// most three content terms, "it" name source 1: the only source after a single-paper answer, the best otherwise —
/// unless the question names a paper itself (an arXiv id here; a title's name, checked by the caller, turns
/// <c>pronounsPointBack</c> off).</item>
/// <item>A reference to the whole previous answer — "of those", "among them", "these papers" and, in a short
/// question, "they"/"them" — restricts retrieval to the papers the previous answer cited (the ones the reader saw)
/// and drops the phrase. Only after an answered turn: after "nothing found" there is nothing to point at.</item>
/// <item>An elliptic follow-up — an opener such as "and", "what about", "for" with one to three content terms
/// ("and for video?") — is the previous standalone question's content words plus the new ones. Words are added,
/// not swapped: without a model we cannot tell which earlier word the new one replaces, and retrieval ranks the
/// papers having both first anyway.</item>
/// </list>
/// A source number beyond the previous answer's sources is not a reference; the next rule gets the question.
/// </remarks>
public sealed class FollowUpResolver
{
    /// <summary>Up to this many content terms a question counts as short: "it"/"they" may then point back, and an opener makes it elliptic.</summary>
    public int MaxShortQuestionTerms { get; init; } = 3;

    /// <param name="pronounsPointBack">
    /// False when the question names a paper of the collection itself ("who wrote HuBERT and when was it published?"):
    /// "it" and "this paper" then mean that paper, not the previous answer's source.
    /// </param>
    public ResolvedQuestion Resolve(string question, Conversation conversation, bool pronounsPointBack = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        ArgumentNullException.ThrowIfNull(conversation);
        var text = Tidy(question);
        if (conversation.Last is not { } previous)
        {
            return new ResolvedQuestion(text);
        }

        return ResolveSource(text, previous, pronounsPointBack && !FollowUpPatterns.ArxivId().IsMatch(text))
            ?? ResolveCollection(text, previous)
            ?? ResolveElliptic(text, previous)
            ?? new ResolvedQuestion(text);
    }

    private ResolvedQuestion? ResolveSource(string text, ConversationTurn previous, bool pronounsPointBack)
    {
        var sources = Sources(previous);
        if (sources.Count == 0 || FindSource(text, sources.Count, pronounsPointBack) is not { } found)
        {
            return null;
        }

        var (match, n, byPronoun) = found;
        var (id, title) = sources[n - 1];
        var rest = Tidy(text.Remove(match.Index, match.Length));
        var standalone = HasContent(rest) ? Tidy(text[..match.Index] + title + text[(match.Index + match.Length)..]) : title;
        return new ResolvedQuestion(standalone, [id], n, byPronoun);
    }

    private (Match Match, int N, bool ByPronoun)? FindSource(string text, int count, bool pronounsPointBack)
    {
        foreach (var pattern in new[] { FollowUpPatterns.Bracket(), FollowUpPatterns.Numbered() })
        {
            var match = pattern.Match(text);
            if (match.Success && int.Parse(match.Groups["n"].ValueSpan, CultureInfo.InvariantCulture) is var n && n >= 1 && n <= count)
            {
                return (match, n, false);
            }
        }

        var ordinal = FollowUpPatterns.Ordinal().Match(text);
        if (ordinal.Success && FollowUpPatterns.OrdinalValue(ordinal.Groups["ord"].Value, count) is var k && k <= count)
        {
            return (ordinal, k, false);
        }

        if (!pronounsPointBack)
        {
            return null;
        }

        var single = FollowUpPatterns.Demonstrative().Match(text);
        if (!single.Success && ContentTermCount(text) <= MaxShortQuestionTerms)
        {
            single = FollowUpPatterns.Pronoun().Match(text);
        }

        return single.Success ? (single, 1, true) : null;
    }

    private ResolvedQuestion? ResolveCollection(string text, ConversationTurn previous)
    {
        if (previous.Answer.Status != AnswerStatus.Answered || previous.Evidence.Count == 0)
        {
            return null;
        }

        // "those" are the papers the answer cited, not everything retrieved for it: a paper the reader never saw is
        // not one of "those".
        var ids = Sources(previous).Select(s => s.Id).Distinct(StringComparer.Ordinal).ToArray();
        var phrase = FollowUpPatterns.Collection().Match(text);
        if (phrase.Success)
        {
            var rest = Tidy(text.Remove(phrase.Index, phrase.Length));
            return new ResolvedQuestion(HasContent(rest) ? rest : previous.StandaloneQuestion, ids);
        }

        // "they"/"them" read fine left in place and are stop words to retrieval.
        return ContentTermCount(text) <= MaxShortQuestionTerms && FollowUpPatterns.CollectivePronoun().IsMatch(text)
            ? new ResolvedQuestion(text, ids)
            : null;
    }

    private ResolvedQuestion? ResolveElliptic(string text, ConversationTurn previous)
    {
        var terms = ContentTermCount(text);
        if (terms == 0 || terms > MaxShortQuestionTerms || !FollowUpPatterns.EllipticOpener().IsMatch(text))
        {
            return null;
        }

        var words = ContentWords(previous.StandaloneQuestion).Concat(ContentWords(text)).DistinctBy(TextAnalyzer.Stem, StringComparer.Ordinal);
        return new ResolvedQuestion(string.Join(' ', words));
    }

    /// <summary>What "the n-th" counts: the previous answer's citations, or its evidence when it cited nothing.</summary>
    private static IReadOnlyList<(string Id, string Title)> Sources(ConversationTurn previous) =>
        previous.Answer.Citations.Count > 0
            ? previous.Answer.Citations.OrderBy(c => c.N).Select(c => (c.PaperId, c.Title)).ToArray()
            : previous.Evidence.Select(p => (p.Paper.Id, p.Paper.Title)).ToArray();

    private static IEnumerable<string> ContentWords(string text) =>
        TextAnalyzer.Tokens(text).Where(t => t.Length > 1 && !TextAnalyzer.IsStopWord(t));

    private static int ContentTermCount(string text) => TextAnalyzer.Terms(text).Distinct(StringComparer.Ordinal).Count();

    private static bool HasContent(string text) => ContentTermCount(text) > 0;

    private static string Tidy(string text)
    {
        var collapsed = FollowUpPatterns.Whitespace().Replace(text, " ");
        return FollowUpPatterns.SpaceBeforePunctuation().Replace(collapsed, "").Trim().TrimStart(',', ';', ':', ' ');
    }
}
