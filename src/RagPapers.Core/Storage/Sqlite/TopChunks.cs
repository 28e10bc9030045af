using System.Numerics;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The best few of many scored slots (chunk indexes or ids into a score array), ties to the lower slot, as the keyword
/// SQL orders by "score DESC, rowid". A query with common words touches most chunks: the best are kept in a heap
/// instead of sorting them all.
/// </summary>
internal static class TopChunks
{
    /// <summary>The best <paramref name="top"/> of <paramref name="touched"/> by <paramref name="scores"/>, best first, skipping <paramref name="skip"/>.</summary>
    public static int[] Best(double[] scores, ReadOnlySpan<int> touched, int top, HashSet<int>? skip = null)
    {
        if (top <= 0)
        {
            return [];
        }

        var heap = new PriorityQueue<int, (double Score, int Slot)>(top + 1, WorstFirst.Instance);

        // The heap's worst, kept at hand: most of a common query's chunks lose to it, and comparing with two locals
        // costs far less than the heap's comparer.
        (double Score, int Slot) worst = default;
        foreach (var slot in touched)
        {
            var score = scores[slot];
            if (heap.Count == top && !(score > worst.Score || (score == worst.Score && slot < worst.Slot)))
            {
                continue;
            }

            if (skip is not null && skip.Contains(slot))
            {
                continue;
            }

            Offer(heap, slot, score, top, ref worst);
        }

        return Drain(heap);
    }

    /// <summary>Adds a slot that beats the heap's worst (or fills it), and once the heap is full keeps its worst at hand.</summary>
    private static void Offer(PriorityQueue<int, (double Score, int Slot)> heap, int slot, double score, int top, ref (double Score, int Slot) worst)
    {
        if (heap.Count < top)
        {
            heap.Enqueue(slot, (score, slot));
        }
        else
        {
            heap.DequeueEnqueue(slot, (score, slot));
        }

        if (heap.Count == top)
        {
            heap.TryPeek(out _, out worst);
        }
    }

    private static int[] Drain(PriorityQueue<int, (double Score, int Slot)> heap)
    {
        var best = new int[heap.Count];
        for (var i = best.Length - 1; heap.TryDequeue(out var slot, out _); i--)
        {
            best[i] = slot;
        }

        return best;
    }

    /// <summary>The best <paramref name="top"/> slots of <paramref name="scores"/> scored above zero, best first, skipping <paramref name="skip"/>.</summary>
    public static int[] BestScored(ReadOnlySpan<double> scores, int top, HashSet<int>? skip = null)
    {
        if (top <= 0)
        {
            return [];
        }

        // Slots come in ascending order, so a slot that only ties the heap's worst comes later and loses the tie: it
        // must beat the worst score outright (any score above zero while the heap fills).
        var heap = new PriorityQueue<int, (double Score, int Slot)>(top + 1, WorstFirst.Instance);
        (double Score, int Slot) worst = default; // its score is the threshold: zero while the heap fills
        var width = Vector<double>.Count;
        for (var block = 0; block < scores.Length; block += width)
        {
            // Most slots of a million score zero or lose to the worst kept: a block of them is passed over in one
            // vector comparison, and only a block holding a slot above the threshold is walked slot by slot.
            if (block + width <= scores.Length && !Vector.GreaterThanAny(new Vector<double>(scores.Slice(block, width)), new Vector<double>(worst.Score)))
            {
                continue;
            }

            for (var slot = block; slot < Math.Min(block + width, scores.Length); slot++)
            {
                var score = scores[slot];
                if (!(score > worst.Score) || (skip is not null && skip.Contains(slot)))
                {
                    continue;
                }

                Offer(heap, slot, score, top, ref worst);
            }
        }

        return Drain(heap);
    }

    /// <summary>Orders (score, slot) worst first: lower score, then (on a tie) the later slot.</summary>
    private sealed class WorstFirst : IComparer<(double Score, int Slot)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Score, int Slot) x, (double Score, int Slot) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Slot.CompareTo(x.Slot);
    }
}
