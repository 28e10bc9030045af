using System.Runtime.InteropServices;
using System.Text;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// What a scratch FTS5 table's vocabularies would say of chunks whose title and text are ASCII
/// (<see cref="FtsAsciiTokenizer"/>), counted in .NET: the chunks holding each term, the tokens, and each chunk's
/// keyword postings. Tokenizing in SQLite read every token back as a row, twenty million rows per 100,000 papers.
/// </summary>
/// <remarks>
/// Each distinct lower-cased token is stemmed once and remembered with its term's number; per token the work is a scan,
/// a lower-casing into a buffer and one look-up by span, with no string made.
/// </remarks>
internal sealed class AsciiTermCounter
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

    public long Chunks { get; private set; }

    public long Tokens { get; private set; }

    /// <summary>Counts one chunk in (sign +1) or out (−1); <paramref name="postingsChunk"/> gives an added chunk its postings under that id.</summary>
    public void Count(string title, string text, long? postingsChunk, int sign)
    {
        var length = CountColumn(title, inTitle: true) + CountColumn(text, inTitle: false);
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
    }

    /// <summary>Each term's change in the number of chunks holding it (zero for terms whose chunks were counted in and out).</summary>
    public IEnumerable<(string Term, long Chunks)> ChunkDeltas() => _terms.Select((term, id) => (term, (long)_chunkDeltas[id]));

    /// <summary>The postings of each term that has any, in ascending chunk order as counted.</summary>
    public IEnumerable<(string Term, List<KeywordPosting> Postings)> Postings() =>
        _terms.Select((term, id) => (term, _postings[id])).Where(p => p.Item2 is not null).Select(p => (p.term, p.Item2!));

    private int CountColumn(string text, bool inTitle)
    {
        var length = 0;
        var tokens = new FtsAsciiTokenizer.Tokens(text);
        while (tokens.MoveNext())
        {
            var id = TermOf(tokens.Current);
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

    /// <summary>The number of the term a token becomes, stemming it the first time it is seen.</summary>
    private int TermOf(ReadOnlySpan<char> token)
    {
        token = token[..Math.Min(token.Length, FtsAsciiTokenizer.MaxTermLength)];
        if (_buffer.Length < token.Length)
        {
            _buffer = new char[Math.Max(token.Length, _buffer.Length * 2)];
        }

        Ascii.ToLower(token, _buffer, out var length);
        var lowered = _buffer.AsSpan(0, length);
        var tokens = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        if (tokens.TryGetValue(lowered, out var known))
        {
            return known;
        }

        var surface = lowered.ToString();
        var term = new string(lowered[..FtsPorterStemmer.Stem(lowered)]);
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, term, out var exists);
        if (!exists)
        {
            id = _terms.Count;
            _terms.Add(term);
            Grow(_terms.Count);
        }

        _tokens[surface] = id;
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
