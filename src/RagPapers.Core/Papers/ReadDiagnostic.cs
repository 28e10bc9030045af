namespace RagPapers.Papers;

/// <summary>Why a record of a collection file was skipped: file, 1-based line, and a reason a user can act on.</summary>
public sealed record ReadDiagnostic(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
