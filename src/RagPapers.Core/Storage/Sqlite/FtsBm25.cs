namespace RagPapers.Storage.Sqlite;

/// <summary>
/// FTS5's bm25() formula, for scores computed outside SQL that must match the ones SQL returns: k1 1.2, b 0.75,
/// IDF log((N − n + 0.5) / (n + 0.5)) clamped at 1e-6, a term's frequency the column-weighted sum of its counts,
/// and the row's whole length (both columns) against the average.
/// </summary>
internal static class FtsBm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double MinIdf = 1e-6;

    public static double Idf(int documentFrequency, int rows)
    {
        var idf = Math.Log((rows - documentFrequency + 0.5) / (documentFrequency + 0.5));
        return idf <= 0 ? MinIdf : idf;
    }

    /// <summary>The length normalization of a row: k1 · (1 − b + b · length / avgdl).</summary>
    public static double Saturation(int length, double averageLength) => K1 * (1 - B + (B * length / averageLength));

    /// <summary>One term's share of a row's score, in the order of operations FTS5 uses.</summary>
    public static double Score(double idf, double frequency, double saturation) => idf * (frequency * (K1 + 1) / (frequency + saturation));
}
