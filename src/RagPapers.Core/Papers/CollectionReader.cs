using System.Runtime.CompilerServices;

namespace RagPapers.Papers;

/// <summary>
/// Reads a collection: files and folders expanded, each file's format recognized from its content (the extension
/// only breaks ties), then read by the matching <see cref="IPaperReader"/>. A file no reader understands yields
/// one diagnostic and reading goes on with the next file.
/// </summary>
public sealed class CollectionReader(IEnumerable<IPaperReader> readers)
{
    // The extensions each built-in format is usually saved with; only consulted when two readers claim a file.
    private static readonly Dictionary<string, string[]> UsualExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["daily-papers"] = [".txt"],
        ["jsonl"] = [".jsonl", ".ndjson", ".json"],
        ["bibtex"] = [".bib", ".bibtex"],
    };

    private readonly IReadOnlyList<IPaperReader> readers = readers.ToArray();

    /// <summary>The readers for every built-in format: daily-papers text, JSON Lines, BibTeX.</summary>
    public static IReadOnlyList<IPaperReader> DefaultReaders() =>
        [new DailyPapersTextReader(), new JsonLinesPaperReader(), new BibTexPaperReader()];

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

    /// <summary>Every record of every file, in order; unreadable files and bad records come back as diagnostics.</summary>
    public async IAsyncEnumerable<ReadResult> ReadAsync(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var path in ExpandPaths(paths))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var head = await FileHead.ReadAsync(path, cancellationToken);
            var reader = head is null ? null : Detect(path, head);
            if (reader is null)
            {
                yield return ReadResult.Skip(Path.GetFileName(path), 0, Unreadable(head));
                continue;
            }

            await foreach (var result in reader.ReadAsync(path, cancellationToken))
            {
                yield return result;
            }
        }
    }

    /// <summary>The reader for a file with this head: content decides, the extension breaks ties, then reader order.</summary>
    public IPaperReader? Detect(string path, string head)
    {
        var candidates = readers.Where(reader => reader.CanRead(path, head)).ToArray();
        var extension = Path.GetExtension(path);
        return candidates.FirstOrDefault(reader =>
                UsualExtensions.TryGetValue(reader.Format, out var usual) && usual.Contains(extension, StringComparer.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault();
    }

    private string Unreadable(string? head) => head switch
    {
        null => "binary file, not a paper collection",
        _ when string.IsNullOrWhiteSpace(head) => "empty file, no papers",
        _ => $"unrecognized format; supported formats: {string.Join(", ", readers.Select(reader => reader.Format))}",
    };
}
