using System.Globalization;
using System.Text.RegularExpressions;
using RagPapers.Answering.Contracts;
using RagPapers.Papers;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Answering.Assistant;

/// <summary>
/// The paper a user means, the same in the chat, Discord and the HTTP API: a source number of the last answer
/// ("2", "[2]"), a paper id ("2308.06534", "arXiv:2308.06534v2", "t-…"), or, where people type, a title (exact,
/// contained, or the clearly relevant best match of a search).
/// </summary>
public sealed partial class PaperReferenceResolver(IPaperIndex index, IPaperRetriever retriever)
{
    private const int TitleCandidates = 5;

    /// <summary>Whether <paramref name="reference"/> names a source of the last answer, and which.</summary>
    public static bool IsSourceNumber(string reference, out int number)
    {
        var match = SourceNumber().Match(reference.Trim());
        number = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return match.Success;
    }

    /// <summary>A source number of <paramref name="lastAnswer"/>, an id or a title; null when nothing matches.</summary>
    public async Task<Paper?> FindAsync(string reference, Answer? lastAnswer, CancellationToken cancellationToken = default)
    {
        reference = reference.Trim();
        if (reference.Length == 0)
        {
            return null;
        }

        if (IsSourceNumber(reference, out var n))
        {
            var citation = lastAnswer?.Citations.FirstOrDefault(c => c.N == n);
            return citation is null ? null : await index.GetPaperAsync(citation.PaperId, cancellationToken);
        }

        return await FindByIdAsync(reference, cancellationToken) ?? await FindByTitleAsync(reference, cancellationToken);
    }

    /// <summary>A paper id as stored, or an arXiv id in any of its written forms; null when no paper has it.</summary>
    public async Task<Paper?> FindByIdAsync(string reference, CancellationToken cancellationToken = default)
    {
        reference = reference.Trim();
        if (reference.Length == 0)
        {
            return null;
        }

        var id = PaperIds.IsArxivId(reference) ? PaperIds.FromArxivId(reference) : reference;
        return await index.GetPaperAsync(id, cancellationToken)
            ?? (id == reference ? null : await index.GetPaperAsync(reference, cancellationToken));
    }

    private async Task<Paper?> FindByTitleAsync(string title, CancellationToken cancellationToken)
    {
        var wanted = PaperIds.NormalizeTitle(title);
        if (wanted.Length == 0)
        {
            return null;
        }

        var result = await retriever.RetrieveAsync(new RetrievalRequest(title, TitleCandidates), cancellationToken);
        var exact = result.Papers.FirstOrDefault(p => PaperIds.NormalizeTitle(p.Paper.Title) == wanted);
        var containing = result.Papers.FirstOrDefault(p => PaperIds.NormalizeTitle(p.Paper.Title).Contains(wanted, StringComparison.Ordinal));
        var best = result.HasRelevantEvidence ? result.Papers[0] : null;
        return (exact ?? containing ?? best)?.Paper;
    }

    [GeneratedRegex(@"^\[?(\d{1,2})\]?$")]
    private static partial Regex SourceNumber();
}
