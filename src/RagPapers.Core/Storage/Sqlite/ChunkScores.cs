namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The running bm25() scores of one search, a slot per chunk id, with the chunks touched in the order they were first
/// scored; kept between searches (the store's lock serializes them) and zeroed again after each. Renting the array per
/// search cost a memset of the whole collection, and a list grown per search copied the touched chunks again and again.
/// </summary>
internal sealed class ChunkScores
{
    private double[] _scores = [];
    private int[] _touched = [];
    private int _size;

    /// <summary>The chunks scored so far, each once, in the order they were first scored.</summary>
    public ReadOnlySpan<int> Touched => _touched.AsSpan(0, Count);

    public int Count { get; private set; }

    public double this[int chunk] => _scores[chunk];

    /// <summary>Readies the scores for chunk ids below <paramref name="size"/>; the previous search must have been <see cref="Clear"/>ed.</summary>
    public void Start(int size)
    {
        if (_scores.Length < size)
        {
            _scores = new double[size + (size / 8)];
        }

        _size = size;
    }

    /// <summary>Adds the term's share (<paramref name="shares"/>) to each chunk of a block of its postings (<see cref="KeywordPostingBlock"/>).</summary>
    public void Add(ReadOnlySpan<byte> block, long firstChunk, TermShares shares)
    {
        var scores = _scores;
        var size = (ulong)_size;
        var chunk = firstChunk;
        var at = 0;
        while (at < block.Length)
        {
            chunk += (long)KeywordPostingBlock.Next(block, ref at);
            var titleCount = (int)KeywordPostingBlock.Next(block, ref at);
            var textCount = (int)KeywordPostingBlock.Next(block, ref at);
            var length = (int)KeywordPostingBlock.Next(block, ref at);
            if ((ulong)chunk >= size)
            {
                continue; // written after the sequence was read: not this search's
            }

            // Every share is positive, so a zero score means "not seen yet".
            ref var score = ref scores[(int)chunk];
            if (score == 0)
            {
                Touch((int)chunk);
            }

            score += shares.Of(titleCount, textCount, length);
        }
    }

    /// <summary>The best <paramref name="top"/> chunks scored, best first, ties to the lower id, skipping <paramref name="skip"/>.</summary>
    public int[] Best(int top, HashSet<int>? skip) => TopChunks.Best(_scores, Touched, top, skip);

    /// <summary>Zeroes the touched chunks' scores, ready for the next search.</summary>
    public void Clear()
    {
        foreach (var chunk in Touched)
        {
            _scores[chunk] = 0;
        }

        Count = 0;
    }

    private void Touch(int chunk)
    {
        if (Count == _touched.Length)
        {
            Array.Resize(ref _touched, Math.Max(1024, 2 * _touched.Length));
        }

        _touched[Count++] = chunk;
    }
}
