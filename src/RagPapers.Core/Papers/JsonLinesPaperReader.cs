using System.Runtime.CompilerServices;

namespace RagPapers.Papers;

/// <summary>
/// Reads JSON Lines: one paper object per line, in the arXiv metadata snapshot shape or the Hugging Face papers API
/// shape. A broken line, one without title or abstract, one with bytes that are not UTF-8, or one longer than
/// <see cref="PaperText.RawRecordFactor"/> times the record limit becomes a diagnostic and reading goes on.
/// </summary>
public sealed class JsonLinesPaperReader(int maxRecordChars = PaperText.DefaultMaxRecordChars) : IPaperReader
{
    private readonly int _maxLineChars = checked(maxRecordChars * PaperText.RawRecordFactor);

    public string Format => "jsonl";

    /// <summary>
    /// A file that opens with an object, or with another JSON value (a broken first record) when an object line
    /// follows in the head: a bad first line must not cost the file its good records.
    /// </summary>
    public bool CanRead(string path, string head)
    {
        var first = head.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (first.Length == 0)
        {
            return false;
        }

        // A first line longer than the head (10,000 nested arrays, say) hides what follows: an array start is enough then.
        return first[0] == '{'
            || ("[\"-0123456789tfn".Contains(first[0], StringComparison.Ordinal) && head.Contains("\n{", StringComparison.Ordinal))
            || (first[0] == '[' && !first.Contains('\n'));
    }

    public async IAsyncEnumerable<ReadResult> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var source = Path.GetFileName(path);
        using var reader = Utf8Text.Open(path);
        var lines = new BoundedLineReader(reader, _maxLineChars);
        var lineNumber = 0;
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            ReadResult? result = null;
            if (line.TooLong)
            {
                result = ReadResult.Skip(source, lineNumber, $"the line is {line.Length} characters, over the limit of {_maxLineChars} ({PaperText.RawRecordFactor} × Ingestion:MaxRecordChars), record skipped");
            }
            else if (Utf8Text.IndexOfInvalid(line.Text) is >= 0 and var at)
            {
                result = ReadResult.Skip(source, lineNumber, $"bytes that are not valid UTF-8 near character {at + 1}, record skipped");
            }
            else if (!string.IsNullOrWhiteSpace(line.Text))
            {
                result = JsonPaperRecord.Parse(source, lineNumber, line.Text);
            }

            if (result is not null)
            {
                yield return result with { BytesRead = reader.BaseStream.Position };
            }
        }
    }
}
