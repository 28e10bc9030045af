using System.Globalization;

namespace RagPapers.Evaluation;

/// <summary>
/// Relevance judgements: for each query, the grade of each judged document. A grade above 0 is relevant; 0 or
/// less is judged non-relevant. Read with the rules of <c>score_run.py</c> (and trec_eval), so both score alike.
/// </summary>
public sealed class Qrels
{
    private readonly Dictionary<string, Dictionary<string, int>> _judgements;

    private Qrels(Dictionary<string, Dictionary<string, int>> judgements)
    {
        _judgements = judgements;
        ScoredQueryIds = [.. judgements.Where(q => q.Value.Values.Any(g => g > 0)).Select(q => q.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>The queries metrics average over: every query with at least one relevant document, in ordinal order.</summary>
    public IReadOnlyList<string> ScoredQueryIds { get; }

    /// <summary>The judged documents of <paramref name="queryId"/> and their grades (empty when it has none).</summary>
    public IReadOnlyDictionary<string, int> For(string queryId) =>
        _judgements.TryGetValue(queryId, out var judged) ? judged : new Dictionary<string, int>();

    /// <summary>Judgements from pairs, for tests and callers that hold them already.</summary>
    public static Qrels From(IEnumerable<(string QueryId, string DocumentId, int Grade)> judgements)
    {
        var byQuery = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (queryId, documentId, grade) in judgements)
        {
            Add(byQuery, queryId, documentId, grade);
        }

        return new Qrels(byQuery);
    }

    /// <summary>
    /// Reads BEIR TSV (<c>query-id corpus-id score</c>, header optional) or TREC qrels (<c>qid 0 docid rel</c>),
    /// whitespace-separated. A first line whose grade is not a number is a header.
    /// </summary>
    /// <exception cref="EvaluationInputException">A line has the wrong shape; the message names file and line.</exception>
    public static async Task<Qrels> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var byQuery = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            var (queryId, documentId, grade) = parts.Length switch
            {
                3 => (parts[0], parts[1], parts[2]),
                4 => (parts[0], parts[2], parts[3]),
                _ => throw new EvaluationInputException($"{path}:{lineNumber}: expected 3 (BEIR) or 4 (TREC) columns, found {parts.Length}"),
            };
            if (!double.TryParse(grade, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                if (lineNumber == 1)
                {
                    continue; // header, e.g. "query-id corpus-id score"
                }

                throw new EvaluationInputException($"{path}:{lineNumber}: relevance grade \"{grade}\" is not a number");
            }

            Add(byQuery, queryId, documentId, (int)value); // truncated toward zero, as Python's int(float(...))
        }

        return byQuery.Count > 0 ? new Qrels(byQuery) : throw new EvaluationInputException($"{path}: no judgements found");
    }

    // A later line for the same pair replaces the earlier grade, as in score_run.py.
    private static void Add(Dictionary<string, Dictionary<string, int>> byQuery, string queryId, string documentId, int grade)
    {
        if (!byQuery.TryGetValue(queryId, out var judged))
        {
            byQuery[queryId] = judged = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        judged[documentId] = grade;
    }
}
