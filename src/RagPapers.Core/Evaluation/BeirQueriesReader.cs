using System.Text.Json;

namespace RagPapers.Evaluation;

/// <summary>
/// Reads BEIR queries (<c>queries.jsonl</c>: one <c>{"_id", "text"}</c> object per line). Unlike a corpus, a
/// query file must be read whole: a skipped query would silently lower every metric, so a bad line is an error.
/// </summary>
public static class BeirQueriesReader
{
    /// <exception cref="EvaluationInputException">A line is not a query; the message names file and line.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<IReadOnlyList<BeirQuery>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var queries = new List<BeirQuery>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var query = Parse(path, lineNumber, line);
            if (!seen.Add(query.Id))
            {
                throw new EvaluationInputException($"{path}:{lineNumber}: query \"{query.Id}\" appears twice");
            }

            queries.Add(query);
        }

        return queries.Count > 0 ? queries : throw new EvaluationInputException($"{path}: no queries found");
    }

    private static BeirQuery Parse(string path, int line, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new EvaluationInputException($"{path}:{line}: broken JSON near character {ex.BytePositionInLine + 1}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new EvaluationInputException($"{path}:{line}: expected a JSON object with \"_id\" and \"text\", found {root.ValueKind}");
            }

            var id = BeirJson.Text(root, "_id");
            if (BeirJson.IdProblem(id) is { } problem)
            {
                throw new EvaluationInputException($"{path}:{line}: query {problem}");
            }

            var text = BeirJson.Text(root, "text");
            return string.IsNullOrWhiteSpace(text)
                ? throw new EvaluationInputException($"{path}:{line}: query \"{id}\" has no \"text\"")
                : new BeirQuery(id!, text.Trim());
        }
    }
}
