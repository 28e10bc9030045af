using System.Globalization;
using RagPapers.Storage;

namespace RagPapers.Indexing;

/// <summary>The notice of a result found by keyword alone because the semantic index is not complete yet.</summary>
public static class SemanticIndexNotice
{
    /// <summary>"semantic index 212/516: keyword results only for now".</summary>
    public static string KeywordOnly(VectorProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return string.Create(CultureInfo.InvariantCulture, $"semantic index {progress.Embedded}/{progress.Total}: keyword results only for now");
    }
}
