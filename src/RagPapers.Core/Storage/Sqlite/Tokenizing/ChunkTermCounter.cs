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
    private readonly List<(int Term, KeywordPosting Posting)> _postings = [];
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
                _postings.Add((term, new KeywordPosting(chunk, _titleCounts[term], _textCounts[term], length)));
            }
        }

        EndChunk();
        Chunks += sign;
        Tokens += sign * length;
        return true;
    }

    /// <summary>Each counted term's change in the number of chunks holding it (zero when its chunks were counted in and out).</summary>
    public IEnumerable<(string Term, long Chunks)> ChunkDeltas() => _inBatch.Select(term => (_numbering.Term(term), (long)_chunkDeltas[term]));

    /// <summary>The postings of each term that has any, each term's in the order counted (ascending chunks).</summary>
    public List<(string Term, KeywordPosting[] Postings)> Postings()
    {
        // Grouped by term with a counting sort, which keeps each term's postings in chunk order (GroupBy took 45% more of
        // the counter's CPU in bench term-counting).
        var counts = new Dictionary<int, int>();
        foreach (var (term, _) in _postings)
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }

        var grouped = counts.ToDictionary(c => c.Key, c => (Postings: new KeywordPosting[c.Value], Filled: 0));
        foreach (var (term, posting) in _postings)
        {
            var (postings, filled) = grouped[term];
            postings[filled] = posting;
            grouped[term] = (postings, filled + 1);
        }

        return [.. grouped.Select(g => (_numbering.Term(g.Key), g.Value.Postings))];
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
        _postings.Clear();
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
    }
}
