using System.Runtime.CompilerServices;

namespace RagPapers.Papers;

/// <summary>
/// Reads JSON Lines: one paper object per line, in the arXiv metadata snapshot shape or the Hugging Face papers API
/// shape. A broken line, or one without title or abstract, becomes a diagnostic and reading goes on.
/// </summary>
public sealed class JsonLinesPaperReader : IPaperReader
{
    public string Format => "jsonl";

    public bool CanRead(string path, string head)
    {
        var first = head.AsSpan().TrimStart("\uFEFF \t\r\n");
        return first.Length > 0 && first[0] == '{';
    }

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
                yield return JsonPaperRecord.Parse(source, lineNumber, line);
            }
        }
    }
}
