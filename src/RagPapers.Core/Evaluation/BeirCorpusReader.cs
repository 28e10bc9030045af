using System.Runtime.CompilerServices;
using System.Text.Json;
using RagPapers.Papers;

namespace RagPapers.Evaluation;

/// <summary>
/// Reads a BEIR corpus (<c>corpus.jsonl</c>: one <c>{"_id", "title", "text"}</c> object per line) as papers
/// whose id is the corpus <c>_id</c> verbatim, so the id the retriever returns is the id the qrels judge.
/// A broken line, or one without id or text, becomes a diagnostic and reading goes on.
/// </summary>
public sealed class BeirCorpusReader : IPaperReader
{
    public string Format => "beir-corpus";

    public bool CanRead(string path, string head) => head.AsSpan().TrimStart("\uFEFF \t\r\n").StartsWith("{") && head.Contains("\"_id\"", StringComparison.Ordinal);

    public async IAsyncEnumerable<ReadResult> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var source = Path.GetFileName(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                // The same safety as a collection file: control characters removed, invalid text skipped.
                yield return PaperText.Check(Parse(source, lineNumber, line)) with { BytesRead = reader.BaseStream.Position };
            }
        }
    }

    /// <summary>One corpus line as a paper, or the reason it cannot be one.</summary>
    public static ReadResult Parse(string source, int line, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ReadResult.Skip(source, line, $"expected a JSON object, found {root.ValueKind}");
            }

            var id = BeirJson.Text(root, "_id");
            if (BeirJson.IdProblem(id) is { } problem)
            {
                return ReadResult.Skip(source, line, "document " + problem);
            }

            var text = Whitespace.Collapse(BeirJson.Text(root, "text") ?? "");
            if (text.Length == 0)
            {
                return ReadResult.Skip(source, line, $"document \"{id}\" has no \"text\"");
            }

            // BEIR allows an empty title; the paper keeps it empty rather than inventing one.
            var title = Whitespace.Collapse(BeirJson.Text(root, "title") ?? "");
            return ReadResult.Read(new Paper(id!, title, text, [], null, source), line);
        }
        catch (JsonException ex)
        {
            return ReadResult.Skip(source, line, $"broken JSON near character {ex.BytePositionInLine + 1}, document skipped");
        }
        catch (InvalidOperationException)
        {
            // GetString refuses a \u escape of a lone surrogate ("\ud800").
            return ReadResult.Skip(source, line, "a string holds a \\u escape of a lone surrogate (not valid Unicode), document skipped");
        }
    }
}
