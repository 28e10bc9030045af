namespace RagPapers.Text;

/// <summary>A range of characters in a source text: where a displayed quote sits in the stored abstract.</summary>
public readonly record struct SourceSpan(int Start, int Length)
{
    public int End => Start + Length;
}
