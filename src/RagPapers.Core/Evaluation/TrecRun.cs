using System.Globalization;

namespace RagPapers.Evaluation;

/// <summary>
/// A retrieval run: for each query, the documents retrieved with their scores, in retrieval order. Written as a
/// TREC run file (<c>qid Q0 docid rank score tag</c>) and ranked for scoring exactly as trec_eval and
/// <c>score_run.py</c> rank it, so metrics computed here equal theirs on the written file.
/// </summary>
public sealed class TrecRun
{
    private readonly Dictionary<string, List<(string DocumentId, double Score)>> _byQuery = new(StringComparer.Ordinal);
    private readonly List<string> _queryOrder = [];

    /// <summary>The queries that have at least one document, in the order they were first added.</summary>
    public IReadOnlyList<string> QueryIds => _queryOrder;

    /// <summary>Appends a document to a query's list; its rank is its position in that list.</summary>
    public void Add(string queryId, string documentId, double score)
    {
        if (!_byQuery.TryGetValue(queryId, out var documents))
        {
            _byQuery[queryId] = documents = [];
            _queryOrder.Add(queryId);
        }

        documents.Add((documentId, score));
    }

    /// <summary>
    /// The documents of a query best first, as a scorer reads the file: score descending, a tie going to the larger
    /// document id (trec_eval's rule, ordinal comparison), a repeated document kept once at its best position. Null
    /// when the run has no line for the query.
    /// </summary>
    public IReadOnlyList<string>? Ranking(string queryId)
    {
        if (!_byQuery.TryGetValue(queryId, out var documents))
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. documents
            .OrderByDescending(d => d.Score)
            .ThenByDescending(d => d.DocumentId, StringComparer.Ordinal)
            .Select(d => d.DocumentId)
            .Where(seen.Add)];
    }

    /// <summary>Writes one line per document: <c>qid Q0 docid rank score tag</c>, tab-separated, scores round-trippable.</summary>
    public async Task WriteAsync(TextWriter writer, string tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var queryId in _queryOrder)
        {
            var documents = _byQuery[queryId];
            for (var i = 0; i < documents.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (documentId, score) = documents[i];
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{queryId}\tQ0\t{documentId}\t{i + 1}\t{FormatScore(score)}\t{tag}"));
            }
        }
    }

    /// <summary>
    /// The shortest text that parses back to the same double ("R"), so the order a scorer rebuilds from the file is
    /// the order scored here; a fixed number of decimals could turn two close scores into a tie.
    /// </summary>
    public static string FormatScore(double score) => score.ToString("R", CultureInfo.InvariantCulture);
}
