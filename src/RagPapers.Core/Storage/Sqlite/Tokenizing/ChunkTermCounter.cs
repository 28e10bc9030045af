using System.Runtime.InteropServices;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// What a scratch FTS5 table's vocabularies would say of chunks, counted in .NET (<see cref="FtsTokens"/>,
/// <see cref="FtsTerm"/>): the chunks holding each term, the tokens, and each chunk's keyword postings. Tokenizing in
/// SQLite read every token back as a row, twenty million rows per 100,000 papers.
/// </summary>
/// <remarks>
/// Each distinct folded token is stemmed once and remembered with its term's number; per token the work is a scan,
/// a folding into a buffer and one look-up by span, with no string made.
/// </remarks>
internal sealed class ChunkTermCounter
{
    private readonly Dictionary<string, int> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<int> _inChunk = [];
    private int[] _chunkDeltas = new int[1024];
    private int[] _titleCounts = new int[1024];
    private int[] _textCounts = new int[1024];
    private List<KeywordPosting>?[] _postings = new List<KeywordPosting>?[1024];
    private char[] _buffer = new char[256];
    private byte[] _bytes = new byte[256];

    public long Chunks { get; private set; }

    public long Tokens { get; private set; }

    /// <summary>
    /// Counts one chunk in (sign +1) or out (−1); <paramref name="postingsChunk"/> gives an added chunk its postings under
    /// that id. False, with nothing counted, for a chunk with a token whose term cannot be promised exact: FTS5 counts it.
    /// </summary>
    public bool Count(string titleText, string text, long? postingsChunk, int sign)
    {
        var title = CountColumn(titleText, inTitle: true);
        var body = title < 0 ? -1 : CountColumn(text, inTitle: false);
        if (body < 0)
        {
            Discard();
            return false;
        }

        var length = title + body;
        foreach (var id in _inChunk)
        {
            _chunkDeltas[id] += sign;
            if (postingsChunk is { } chunk)
            {
                (_postings[id] ??= []).Add(new KeywordPosting(chunk, _titleCounts[id], _textCounts[id], length));
            }

            _titleCounts[id] = 0;
            _textCounts[id] = 0;
        }

        _inChunk.Clear();
        Chunks += sign;
        Tokens += sign * length;
        return true;
    }

    /// <summary>Each term's change in the number of chunks holding it (zero for terms whose chunks were counted in and out).</summary>
    public IEnumerable<(string Term, long Chunks)> ChunkDeltas() => _terms.Select((term, id) => (term, (long)_chunkDeltas[id]));

    /// <summary>The postings of each term that has any, in ascending chunk order as counted.</summary>
    public IEnumerable<(string Term, List<KeywordPosting> Postings)> Postings() =>
        _terms.Select((term, id) => (term, _postings[id])).Where(p => p.Item2 is not null).Select(p => (p.term, p.Item2!));

    /// <summary>The column's tokens counted into the chunk's; −1 at a token without an exact term.</summary>
    private int CountColumn(string text, bool inTitle)
    {
        var length = 0;
        var tokens = new FtsTokens(text);
        while (tokens.MoveNext(ref _buffer, out var folded))
        {
            var id = TermOf(_buffer.AsSpan(0, folded));
            if (id < 0)
            {
                return -1;
            }

            if (_titleCounts[id] == 0 && _textCounts[id] == 0)
            {
                _inChunk.Add(id);
            }

            // By field, not by a local: a new term can grow the arrays.
            (inTitle ? _titleCounts : _textCounts)[id]++;
            length++;
        }

        return length;
    }

    private void Discard()
    {
        foreach (var id in _inChunk)
        {
            _titleCounts[id] = 0;
            _textCounts[id] = 0;
        }

        _inChunk.Clear();
    }

    /// <summary>The number of the term a folded token becomes, stemming it the first time it is seen; −1 for no exact term.</summary>
    private int TermOf(ReadOnlySpan<char> token)
    {
        var tokens = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        if (tokens.TryGetValue(token, out var known))
        {
            return known;
        }

        var id = -1;
        if (FtsTerm.Of(token, ref _bytes) is { } term)
        {
            ref var numbered = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, term, out var exists);
            if (!exists)
            {
                numbered = _terms.Count;
                _terms.Add(term);
                Grow(_terms.Count);
            }

            id = numbered;
        }

        _tokens[token.ToString()] = id;
        return id;
    }

    private void Grow(int terms)
    {
        if (terms <= _chunkDeltas.Length)
        {
            return;
        }

        var size = _chunkDeltas.Length * 2;
        Array.Resize(ref _chunkDeltas, size);
        Array.Resize(ref _titleCounts, size);
        Array.Resize(ref _textCounts, size);
        Array.Resize(ref _postings, size);
    }
}
