using System.Text.RegularExpressions;
using RagPapers.Answering;
using RagPapers.Papers;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Discord.Commands;

/// <summary>
/// Finds the paper a user means by "id-or-title": a source number of the channel's last answer ("2", "[2]"),
/// a paper id ("2308.06534", "arXiv:2308.06534v2", "t-…"), or a title (exact, contained, or the clearly
/// relevant best match of a search).
/// </summary>
internal sealed partial class PaperLookup(IPaperIndex index, IPaperRetriever retriever)
{
    private const int TitleCandidates = 5;

    public async Task<Paper?> FindAsync(string reference, Conversation conversation, CancellationToken cancellationToken = default)
    {
        reference = reference.Trim();
        if (reference.Length == 0)
        {
            return null;
        }

        if (SourceNumber().Match(reference) is { Success: true } number)
        {
            var n = int.Parse(number.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var citation = conversation.Last?.Answer.Citations.FirstOrDefault(c => c.N == n);
            return citation is null ? null : await index.GetPaperAsync(citation.PaperId, cancellationToken);
        }

        var id = PaperIds.IsArxivId(reference) ? PaperIds.FromArxivId(reference) : reference;
        return await index.GetPaperAsync(id, cancellationToken) ?? await FindByTitleAsync(reference, cancellationToken);
    }

    private async Task<Paper?> FindByTitleAsync(string title, CancellationToken cancellationToken)
    {
        var result = await retriever.RetrieveAsync(new RetrievalRequest(title, TitleCandidates), cancellationToken);
        var wanted = PaperIds.NormalizeTitle(title);
        if (wanted.Length == 0)
        {
            return null;
        }

        var exact = result.Papers.FirstOrDefault(p => PaperIds.NormalizeTitle(p.Paper.Title) == wanted);
        var containing = result.Papers.FirstOrDefault(p => PaperIds.NormalizeTitle(p.Paper.Title).Contains(wanted, StringComparison.Ordinal));
        var best = result.HasRelevantEvidence && result.Papers.Count > 0 ? result.Papers[0] : null;
        return (exact ?? containing ?? best)?.Paper;
    }

    [GeneratedRegex(@"^\[?(\d{1,2})\]?$")]
    private static partial Regex SourceNumber();
}
