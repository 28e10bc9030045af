namespace RagPapers.Papers;

/// <summary>One record of a collection file: either a paper or the diagnostic that explains why it was skipped.</summary>
public sealed record ReadResult
{
    private ReadResult(Paper? paper, ReadDiagnostic? skipped, int line)
    {
        Paper = paper;
        Skipped = skipped;
        Line = line;
    }

    public Paper? Paper { get; }

    public ReadDiagnostic? Skipped { get; }

    /// <summary>The 1-based line where the record starts in its file (0 when unknown or for the whole file).</summary>
    public int Line { get; }

    /// <summary>
    /// How many bytes of input had been consumed when this record was read (at the granularity of the read buffer):
    /// counted from the start of its file as a reader yields it, from the start of the run once
    /// <see cref="CollectionReader"/> hands it on (the sizes of the files before added). Progress and ETA come from it.
    /// </summary>
    public long BytesRead { get; init; }

    public static ReadResult Read(Paper paper, int line = 0) => new(paper, null, line);

    public static ReadResult Skip(string file, int line, string reason) => new(null, new ReadDiagnostic(file, line, reason), line);
}
