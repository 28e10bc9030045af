namespace RagPapers.Embeddings.MiniLM.Inference;

/// <summary>
/// Groups texts into batches by a budget of padded tokens instead of a fixed count: every text of a batch is padded to
/// its longest, so texts are sorted by length first, and short ones (questions, titles) go many to a batch while
/// 256-token abstracts go a few at a time. The bound keeps ONNX Runtime's activations, and so its arena, the same size
/// whatever the texts.
/// </summary>
internal static class TokenBatches
{
    /// <summary>Batches of text indices, shortest texts first; each batch's count × longest length is at most <paramref name="budget"/> (or it is one text).</summary>
    public static List<int[]> Plan(IReadOnlyList<int> lengths, int budget)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        var order = Enumerable.Range(0, lengths.Count).OrderBy(i => lengths[i]).ToArray();
        var batches = new List<int[]>();
        var start = 0;
        while (start < order.Length)
        {
            // Sorted ascending, so the text being added is the longest of the batch so far.
            var end = start + 1;
            while (end < order.Length && (end - start + 1) * lengths[order[end]] <= budget)
            {
                end++;
            }

            batches.Add(order[start..end]);
            start = end;
        }

        return batches;
    }
}
