using System.Runtime.CompilerServices;

namespace RagPapers.Papers;

/// <summary>
/// Reads the text of a Hugging Face daily-papers page: titles each followed by an abstract line, with page chrome
/// ("Subscribe", "byAK and the research community", the page date) and per-paper metadata mixed in.
/// Ids come from titles (the dumps carry no arXiv ids); authors are not listed, only counted, so they stay empty.
/// </summary>
public sealed class DailyPapersTextReader(int maxRecordChars = PaperText.DefaultMaxRecordChars) : IPaperReader
{
    private readonly int _maxLineChars = checked(maxRecordChars * PaperText.RawRecordFactor);

    // Lines that open another format; a dump starts with chrome or a title, never with these.
    private static readonly char[] StructuredStarts = ['{', '[', '@', '%', '<'];

    public string Format => "daily-papers";

    public bool CanRead(string path, string head)
    {
        var lines = head.Split('\n');
        var first = lines.Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0);
        if (first is null || StructuredStarts.Contains(first[0]))
        {
            return false;
        }

        return lines.Any(line => DailyPapersLine.IsPageMarker(line.Trim())) || HasTitleAndAbstract(path, lines);
    }

    public async IAsyncEnumerable<ReadResult> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var source = Path.GetFileName(path);
        var assembler = new DailyPapersAssembler(source, maxRecordChars);
        using var reader = Utf8Text.Open(path);
        var lines = new BoundedLineReader(reader, _maxLineChars);
        var lineNumber = 0;
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            var result = line.TooLong
                ? ReadResult.Skip(source, lineNumber, $"the line is {line.Length} characters, over the limit of {_maxLineChars} ({PaperText.RawRecordFactor} × Ingestion:MaxRecordChars), line skipped")
                : assembler.Accept(line.Text, lineNumber);
            if (result is not null)
            {
                yield return result with { BytesRead = reader.BaseStream.Position };
            }
        }

        if (assembler.Finish() is { } last)
        {
            yield return last with { BytesRead = reader.BaseStream.Position };
        }
    }

    private static bool HasTitleAndAbstract(string path, string[] lines)
    {
        var assembler = new DailyPapersAssembler(Path.GetFileName(path), int.MaxValue);
        for (var i = 0; i < lines.Length && !assembler.SawPaper; i++)
        {
            assembler.Accept(lines[i], i + 1);
        }

        return assembler.SawPaper;
    }
}
