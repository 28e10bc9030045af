namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The running bm25() scores of one search, a slot per chunk id, kept between searches (the store's lock serializes
/// them) and zeroed again after each: renting the array per search cost a memset of the whole collection.
/// </summary>
/// <remarks>
/// A search whose terms have few postings lists the chunks it touches and visits only those to choose the best and to
/// clear. One with common terms touches a good part of the collection: there, listing each chunk (a branch the CPU
/// cannot predict on every posting) cost three times the scoring itself, and a straight pass over the whole array to
/// choose and a memset to clear cost far less.
/// </remarks>
internal sealed class ChunkScores
{
    // Above this many postings for each chunk slot, the whole array is scanned instead of a list of touched chunks (a
    // posting listed costs about as much as eight slots scanned).
    private const int SlotsPerListedPosting = 8;

    private double[] _scores = [];
    private int[] _touched = [];
    private int _touchedCount;
    private int _size;
    private bool _scanAll;

    public double this[int chunk] => _scores[chunk];

    /// <summary>The chunk slots of the current search (ids below this).</summary>
    public int Size => _size;

    /// <summary>Readies the scores for chunk ids below <paramref name="size"/> and about <paramref name="postings"/> postings; the previous search must have been <see cref="Clear"/>ed.</summary>
    public void Start(int size, long postings)
    {
        if (_scores.Length < size)
        {
            _scores = new double[size + (size / 8)];
        }

        _size = size;
        _scanAll = postings * SlotsPerListedPosting > size;
    }

    /// <summary>Adds the term's share (<paramref name="shares"/>) to each chunk of a block of its postings (<see cref="KeywordPostingBlock"/>).</summary>
    public void Add(ReadOnlySpan<byte> block, long firstChunk, TermShares shares)
    {
        if (_scanAll)
        {
            AddScanned(block, firstChunk, shares);
        }
        else
        {
            AddListed(block, firstChunk, shares);
        }
    }

    private void AddScanned(ReadOnlySpan<byte> block, long firstChunk, TermShares shares)
    {
        var scores = _scores;
        var size = (ulong)_size;
        var chunk = firstChunk;
        var at = 0;
        while (at < block.Length)
        {
            var posting = KeywordPostingBlock.NextPosting(block, ref at);
            chunk += posting.Gap;
            if ((ulong)chunk < size)
            {
                scores[(int)chunk] += shares.Of(posting.TitleCount, posting.TextCount, posting.Length);
            }

            // else written after the sequence was read: not this search's
        }
    }

    private void AddListed(ReadOnlySpan<byte> block, long firstChunk, TermShares shares)
    {
        var scores = _scores;
        var size = (ulong)_size;
        var chunk = firstChunk;
        var at = 0;
        while (at < block.Length)
        {
            var posting = KeywordPostingBlock.NextPosting(block, ref at);
            chunk += posting.Gap;
            if ((ulong)chunk < size)
            {
                // Every share is positive, so a zero score means "not seen yet".
                ref var score = ref scores[(int)chunk];
                if (score == 0)
                {
                    Touch((int)chunk);
                }

                score += shares.Of(posting.TitleCount, posting.TextCount, posting.Length);
            }
        }
    }

    /// <summary>The best <paramref name="top"/> chunks scored, best first, ties to the lower id, skipping <paramref name="skip"/>.</summary>
    public int[] Best(int top, HashSet<int>? skip) => _scanAll
        ? TopChunks.BestScored(_scores.AsSpan(0, _size), top, skip)
        : TopChunks.Best(_scores, _touched.AsSpan(0, _touchedCount), top, skip);

    /// <summary>Zeroes the scores, ready for the next search.</summary>
    public void Clear()
    {
        if (_scanAll)
        {
            Array.Clear(_scores, 0, _size);
        }
        else
        {
            foreach (var chunk in _touched.AsSpan(0, _touchedCount))
            {
                _scores[chunk] = 0;
            }
        }

        _touchedCount = 0;
    }

    private void Touch(int chunk)
    {
        if (_touchedCount == _touched.Length)
        {
            Array.Resize(ref _touched, Math.Max(1024, 2 * _touched.Length));
        }

        _touched[_touchedCount++] = chunk;
    }
}
