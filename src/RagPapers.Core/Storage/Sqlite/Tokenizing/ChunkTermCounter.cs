using System.Collections.Concurrent;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// What a scratch FTS5 table's vocabularies would say of a write's chunks, counted in .NET (<see cref="FtsTokens"/>,
/// <see cref="TermNumbering"/>): the chunks holding each term, the tokens, and each chunk's keyword postings.
/// Tokenizing in SQLite read every token back as a row, twenty million rows per 100,000 papers.
/// </summary>
/// <remarks>
/// Counters are rented and returned (<see cref="Rent"/>, <see cref="Reset"/>): their term numbers and arrays serve the
/// next batch, which sees mostly the same words; a fresh counter per batch spent more time allocating and collecting
/// its large arrays than tokenizing.
/// </remarks>
internal sealed class ChunkTermCounter
{
    private static readonly ConcurrentBag<ChunkTermCounter> Returned = [];

    private readonly TermNumbering _numbering = new();
    private readonly List<int> _inChunk = [];
    private readonly List<int> _inBatch = [];
    private readonly List<int> _postingTerms = [];
    private readonly List<KeywordPosting> _postingValues = [];
    private int[] _postingCounts = new int[1024];
    private int[] _chunkDeltas = new int[1024];
    private int[] _titleCounts = new int[1024];
    private int[] _textCounts = new int[1024];
    private bool[] _seen = new bool[1024];
    private char[] _buffer = new char[256];

    public long Chunks { get; private set; }

    public long Tokens { get; private set; }

    /// <summary>A counter with nothing counted, reused if one was returned.</summary>
    public static ChunkTermCounter Rent() => Returned.TryTake(out var counter) ? counter : new ChunkTermCounter();

    /// <summary>
    /// Counts one chunk in (sign +1) or out (−1); <paramref name="postingsChunk"/> gives an added chunk its postings under
    /// that id. False, with nothing counted, for a chunk with a token whose term cannot be promised exact: FTS5 counts it.
    /// </summary>
    public bool Count(string title, string text, long? postingsChunk, int sign)
    {
        var inTitle = CountColumn(title, inTitle: true);
        var inText = inTitle < 0 ? -1 : CountColumn(text, inTitle: false);
        if (inText < 0)
        {
            EndChunk();
            return false;
        }

        var length = inTitle + inText;
        foreach (var term in _inChunk)
        {
            _chunkDeltas[term] += sign;
            if (!_seen[term])
            {
                _seen[term] = true;
                _inBatch.Add(term);
            }

            if (postingsChunk is { } chunk)
            {
                _postingTerms.Add(term);
                _postingValues.Add(new KeywordPosting(chunk, _titleCounts[term], _textCounts[term], length));
            }
        }

        EndChunk();
        Chunks += sign;
        Tokens += sign * length;
        return true;
    }

    /// <summary>Each counted term's change in the number of chunks holding it (zero when its chunks were counted in and out).</summary>
    public IEnumerable<(string Term, long Chunks)> ChunkDeltas() => _inBatch.Select(term => (_numbering.Term(term), (long)_chunkDeltas[term]));

    /// <summary>
    /// The postings of each term that has any, in FTS5's term order (<see cref="Utf8Order"/>), each term's in the order
    /// counted (ascending chunks), as slices of one array.
    /// </summary>
    /// <remarks>
    /// Grouped by a counting sort over the term numbers, in arrays: with a dictionary per term, grouping and ordering a
    /// batch's 300,000 postings took as long as tokenizing its chunks. The counts per term are made here and zeroed before
    /// it returns.
    /// </remarks>
    public List<(string Term, ArraySegment<KeywordPosting> Postings)> Postings()
    {
        foreach (var term in _postingTerms)
        {
            _postingCounts[term]++;
        }

        var terms = new List<(string Term, int Number)>();
        foreach (var term in _inBatch)
        {
            if (_postingCounts[term] > 0)
            {
                terms.Add((_numbering.Term(term), term));
            }
        }

        terms.Sort((a, b) => Utf8Order.Instance.Compare(a.Term, b.Term));
        var grouped = new KeywordPosting[_postingTerms.Count];
        var ranges = new List<(string, ArraySegment<KeywordPosting>)>(terms.Count);
        var next = 0;
        foreach (var (text, term) in terms)
        {
            ranges.Add((text, new ArraySegment<KeywordPosting>(grouped, next, _postingCounts[term])));
            (_postingCounts[term], next) = (next, next + _postingCounts[term]); // the count becomes where the term's postings go
        }

        for (var i = 0; i < _postingTerms.Count; i++)
        {
            grouped[_postingCounts[_postingTerms[i]]++] = _postingValues[i];
        }

        foreach (var (_, term) in terms)
        {
            _postingCounts[term] = 0;
        }

        return ranges;
    }

    /// <summary>Forgets what was counted and returns the counter for another batch to rent.</summary>
    public void Reset()
    {
        foreach (var term in _inBatch)
        {
            _chunkDeltas[term] = 0;
            _seen[term] = false;
        }

        _inBatch.Clear();
        _postingTerms.Clear();
        _postingValues.Clear();
        Chunks = 0;
        Tokens = 0;
        if (_numbering.Full)
        {
            _numbering.Clear();
        }

        Returned.Add(this);
    }

    /// <summary>The column's tokens counted into the chunk's; −1 at a token without an exact term.</summary>
    private int CountColumn(string text, bool inTitle)
    {
        var length = 0;
        var tokens = new FtsTokens(text);
        while (tokens.MoveNext(ref _buffer, out var folded))
        {
            var term = _numbering.Number(_buffer.AsSpan(0, folded));
            if (term < 0)
            {
                return -1;
            }

            Grow(term + 1);
            if (_titleCounts[term] == 0 && _textCounts[term] == 0)
            {
                _inChunk.Add(term);
            }

            // By field, not by a local: a new term can grow the arrays.
            (inTitle ? _titleCounts : _textCounts)[term]++;
            length++;
        }

        return length;
    }

    private void EndChunk()
    {
        foreach (var term in _inChunk)
        {
            _titleCounts[term] = 0;
            _textCounts[term] = 0;
        }

        _inChunk.Clear();
    }

    private void Grow(int terms)
    {
        if (terms <= _chunkDeltas.Length)
        {
            return;
        }

        var size = Math.Max(terms, _chunkDeltas.Length * 2);
        Array.Resize(ref _chunkDeltas, size);
        Array.Resize(ref _titleCounts, size);
        Array.Resize(ref _textCounts, size);
        Array.Resize(ref _seen, size);
        Array.Resize(ref _postingCounts, size);
    }
}
