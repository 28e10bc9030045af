namespace RagPapers.Papers;

/// <summary>One record of a collection file: either a paper or the diagnostic that explains why it was skipped.</summary>
public sealed record ReadResult
{
    private ReadResult(Paper? paper, ReadDiagnostic? skipped)
    {
        Paper = paper;
        Skipped = skipped;
    }

    public Paper? Paper { get; }

    public ReadDiagnostic? Skipped { get; }

    public static ReadResult Read(Paper paper) => new(paper, null);

    public static ReadResult Skip(string file, int line, string reason) => new(null, new ReadDiagnostic(file, line, reason));
}
