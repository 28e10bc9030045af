namespace RagPapers.Text;

/// <summary>A run of letters and digits in a text: where it starts, how long it is, and whether it holds letters only.</summary>
public readonly record struct WordToken(int Start, int Length, bool IsLetters)
{
    public int End => Start + Length;
}
