namespace RagPapers.Papers;

/// <summary>Reads one collection file format. Implementations are chosen by <see cref="CanRead"/> on the file's content.</summary>
public interface IPaperReader
{
    /// <summary>Short name of the format, shown in diagnostics ("daily-papers", "jsonl", "bibtex").</summary>
    string Format { get; }

    /// <summary>Whether this reader understands a file, judged from its name and the first few KB of its text.</summary>
    bool CanRead(string path, string head);

    /// <summary>Streams one result per record; a bad record yields a diagnostic and reading goes on.</summary>
    IAsyncEnumerable<ReadResult> ReadAsync(string path, CancellationToken cancellationToken = default);
}
