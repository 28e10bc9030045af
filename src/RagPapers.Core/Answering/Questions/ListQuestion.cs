using System.Text.RegularExpressions;

namespace RagPapers.Answering.Questions;

/// <summary>
/// Questions asking which papers of the collection do something ("which papers use …", "list the papers on …",
/// "are there any papers about …"): they want every relevant paper, not the best three. The asker answers them with
/// each paper above Retrieval:MinRelevance, up to <see cref="MaxPapers"/>.
/// </summary>
/// <remarks>
/// Only the plural counts: "which paper introduced HuBERT?" wants one paper, and "which method does paper 2 use?"
/// is about one paper. The pattern must open the question (after an optional "please" or "can you"), so a question
/// that merely mentions papers ("what do the papers say about …") is not a list.
/// </remarks>
public static partial class ListQuestion
{
    /// <summary>The longest list an answer gives.</summary>
    public const int MaxPapers = 10;

    /// <summary>Papers ranked to find them: relevance is scored on this many before the threshold picks the list.</summary>
    public const int CandidatePapers = 3 * MaxPapers;

    public static bool IsList(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Pattern().IsMatch(question);
    }

    private const string Works = @"(?:papers|works|articles|publications|studies|preprints)";

    [GeneratedRegex(
        @"^\s*(?:please\s+|(?:can|could|would)\s+you\s+(?:please\s+)?)?(?:"
        + @"(?:which|what)\s+(?:other\s+)?" + Works
        + @"|(?:list|show|find|give|name|recommend)(?:\s+me)?(?:\s+(?:all|the|any|some|every|of))*(?:\s+[\w-]+)?\s+" + Works
        + @"|are\s+there\s+(?:any\s+)?(?:other\s+)?" + Works
        + @"|(?:do|did)\s+any\s+(?:of\s+the\s+)?" + Works
        + @"|how\s+many\s+" + Works
        + @"|(?:any\s+|all\s+)?" + Works + @"\s+(?:that|which|about|on|using|with|where|whose|for)"
        + @")\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
