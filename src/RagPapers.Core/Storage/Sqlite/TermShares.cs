namespace RagPapers.Storage.Sqlite;

/// <summary>
/// One query term's bm25() share of a chunk for each (title count, text count, length) it meets, remembered for the
/// term's small combinations: a common term has hundreds of thousands of postings but only a few thousand distinct
/// combinations, and a share looked up is the very double <see cref="FtsBm25.Score"/> gives, so the scores stay exact.
/// </summary>
internal sealed class TermShares
{
    // The remembered combinations: title count below 2, text count below 8, length below 1024 (16K doubles, 128 KB).
    // Most postings of a common term fall there; the others are computed as they come.
    private const int TitleBits = 1;
    private const int TextBits = 3;
    private const int LengthBits = 10;

    private readonly double[] _shares = new double[1 << (TitleBits + TextBits + LengthBits)];
    private readonly double[] _saturations = new double[1 << LengthBits];
    private double _averageLength = double.NaN;
    private double _idf;
    private double _titleWeight;

    /// <summary>Readies the shares of a term with <paramref name="idf"/>, among chunks <paramref name="averageLength"/> tokens long on average.</summary>
    public void Reset(double idf, double titleWeight, double averageLength)
    {
        // Zero means "not computed yet": every real share is positive (the IDF is clamped above zero, a posting counts the term at least once).
        Array.Clear(_shares);
        _idf = idf;
        _titleWeight = titleWeight;
        if (!averageLength.Equals(_averageLength))
        {
            _averageLength = averageLength;
            for (var length = 0; length < _saturations.Length; length++)
            {
                _saturations[length] = FtsBm25.Saturation(length, averageLength);
            }
        }
    }

    /// <summary>The term's share of a chunk's score: <see cref="FtsBm25.Score"/> with the chunk's column-weighted count and length.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public double Of(int titleCount, int textCount, int length)
    {
        var key = (((titleCount << TextBits) | textCount) << LengthBits) | length;
        if ((uint)titleCount < 1u << TitleBits && (uint)textCount < 1u << TextBits && (uint)length < 1u << LengthBits && _shares[key] is var share && share != 0)
        {
            return share;
        }

        return Miss(titleCount, textCount, length);
    }

    // Kept out of Of, so that the look-up inlines into the decoding loop.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private double Miss(int titleCount, int textCount, int length)
    {
        if ((uint)titleCount >= 1u << TitleBits || (uint)textCount >= 1u << TextBits || (uint)length >= 1u << LengthBits)
        {
            return Compute(titleCount, textCount, FtsBm25.Saturation(length, _averageLength));
        }

        return _shares[(((titleCount << TextBits) | textCount) << LengthBits) | length] = Compute(titleCount, textCount, _saturations[length]);
    }

    private double Compute(int titleCount, int textCount, double saturation) =>
        FtsBm25.Score(_idf, (_titleWeight * titleCount) + textCount, saturation);
}
