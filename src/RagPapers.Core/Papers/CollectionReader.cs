using System.Runtime.CompilerServices;

namespace RagPapers.Papers;

/// <summary>
/// Reads a collection: files and folders expanded, each file's format recognized from its content (the extension
/// only breaks ties), then read by the matching <see cref="IPaperReader"/>. A file no reader understands yields
/// one diagnostic and reading goes on with the next file; so does a file that is not a regular file (a pipe, a
/// device, a broken or looping link) or fails while it is read, after the records read before the failure.
/// Every record passes <see cref="PaperText.Check"/> on its way out.
/// </summary>
public sealed class CollectionReader(IEnumerable<IPaperReader> readers, int maxRecordChars = PaperText.DefaultMaxRecordChars)
{
    // The extensions each built-in format is usually saved with; only consulted when two readers claim a file.
    private static readonly Dictionary<string, string[]> UsualExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["daily-papers"] = [".txt"],
        ["jsonl"] = [".jsonl", ".ndjson", ".json"],
        ["bibtex"] = [".bib", ".bibtex"],
    };

    private readonly IReadOnlyList<IPaperReader> _readers = readers.ToArray();

    /// <summary>The readers for every built-in format: daily-papers text, JSON Lines, BibTeX.</summary>
    public static IReadOnlyList<IPaperReader> DefaultReaders(int maxRecordChars = PaperText.DefaultMaxRecordChars) =>
        [new DailyPapersTextReader(maxRecordChars), new JsonLinesPaperReader(maxRecordChars), new BibTexPaperReader()];

    /// <summary>
    /// Files named by <paramref name="paths"/>, in order: a folder contributes its files (not sub-folders), sorted by
    /// name, hidden files left out; a file named twice is read once.
    /// </summary>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(new DirectoryInfo(path).EnumerateFiles()
                    .Where(file => !file.Name.StartsWith('.') && !file.Attributes.HasFlag(FileAttributes.Hidden))
                    .OrderBy(file => file.Name, StringComparer.Ordinal)
                    .Select(file => Path.Combine(path, file.Name)));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"Collection path \"{path}\" does not exist (full path: {Path.GetFullPath(path)}).", path);
            }
        }

        return files.DistinctBy(Path.GetFullPath, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Every record of every file, in order; unusable files and bad records come back as diagnostics. Each record's
    /// <see cref="ReadResult.BytesRead"/> counts from the start of the run, against <see cref="TotalBytes"/>.
    /// </summary>
    public async IAsyncEnumerable<ReadResult> ReadAsync(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long before = 0;
        foreach (var path in ExpandPaths(paths))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = FileSize(path);
            await foreach (var result in ReadFileAsync(path, size, cancellationToken))
            {
                yield return PaperText.Check(result, maxRecordChars) with { BytesRead = before + result.BytesRead };
            }

            before += size;
        }
    }

    /// <summary>The bytes <see cref="ReadAsync"/> will go through for these files (what progress counts towards), known without reading them.</summary>
    public static long TotalBytes(IEnumerable<string> files) => files.Sum(FileSize);

    // A pipe or device has no size to count; it is skipped unread anyway.
    private static long FileSize(string path)
    {
        try
        {
            return FileKind.Problem(path) is null && new FileInfo(path) is { Exists: true } file ? file.Length : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private async IAsyncEnumerable<ReadResult> ReadFileAsync(string path, long size, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var source = Path.GetFileName(path);
        var (reader, problem) = await ChooseReaderAsync(path, cancellationToken);
        if (reader is null)
        {
            yield return ReadResult.Skip(source, 0, problem!) with { BytesRead = size };
            yield break;
        }

        // Driven by hand: a yield cannot sit in a try with a catch, and a failure must not lose what came before it.
        await using var records = reader.ReadAsync(path, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var line = 0;
        while (true)
        {
            ReadResult? failure = null;
            try
            {
                if (!await records.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure = ReadResult.Skip(source, line, $"reading stopped after line {line}: {ex.Message}; the rest of the file is skipped");
            }

            if (failure is not null)
            {
                yield return failure with { BytesRead = size };
                yield break;
            }

            line = Math.Max(line, records.Current.Line);
            yield return records.Current;
        }
    }

    /// <summary>The reader for a file, or why the file cannot be read at all.</summary>
    private async Task<(IPaperReader? Reader, string? Problem)> ChooseReaderAsync(string path, CancellationToken cancellationToken)
    {
        if (FileKind.Problem(path) is { } kind)
        {
            return (null, kind);
        }

        string? head;
        try
        {
            head = await FileHead.ReadAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot be read: {ex.Message}");
        }

        var reader = head is null ? null : Detect(path, head);
        return reader is null ? (null, Unreadable(head)) : (reader, null);
    }

    /// <summary>The reader for a file with this head: content decides, the extension breaks ties, then reader order.</summary>
    public IPaperReader? Detect(string path, string head)
    {
        var candidates = _readers.Where(reader => reader.CanRead(path, head)).ToArray();
        var extension = Path.GetExtension(path);
        return candidates.FirstOrDefault(reader =>
                UsualExtensions.TryGetValue(reader.Format, out var usual) && usual.Contains(extension, StringComparer.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault();
    }

    private string Unreadable(string? head) => head switch
    {
        null => "binary file, not a paper collection",
        _ when string.IsNullOrWhiteSpace(head) => "empty file, no papers",
        _ when Utf8Text.IndexOfInvalid(head) >= 0 => $"unrecognized format, and the file is not UTF-8 text; supported formats: {string.Join(", ", _readers.Select(reader => reader.Format))}",
        _ => $"unrecognized format; supported formats: {string.Join(", ", _readers.Select(reader => reader.Format))}",
    };
}
