namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Builds <see cref="FtsTermStatistics"/> from term instances given in an fts5vocab 'instance' table's order (term,
/// then chunk, then column), as read from a scratch FTS5 table (<see cref="FtsTermStatistics.LoadAsync"/>).
/// The .NET tokenizer's statistics (<see cref="TokenizedChunks"/>) are built without listing the instances; a test holds
/// them to these.
/// </summary>
internal sealed class TermInstances
{
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<int> _frequencies = [];
    private readonly Dictionary<long, FtsTermStatistics.ChunkTermsBuilder> _builders = [];
    private string? _term;
    private int _termId = -1;
    private long _chunk = -1;
    private FtsTermStatistics.ChunkTermsBuilder? _builder;

    /// <summary>One token: its term, its chunk and whether it is in the title; in the instance table's order.</summary>
    public void Add(string term, long chunk, bool inTitle)
    {
        if (!string.Equals(term, _term, StringComparison.Ordinal))
        {
            _term = term;
            _termId = _terms.Count;
            _termIds[term] = _termId;
            _terms.Add(term);
            _frequencies.Add(0);
            _chunk = -1;
        }

        if (chunk != _chunk)
        {
            _chunk = chunk;
            _frequencies[_termId]++;
            if (!_builders.TryGetValue(chunk, out _builder))
            {
                _builders[chunk] = _builder = new FtsTermStatistics.ChunkTermsBuilder();
            }
        }

        _builder!.Add(_termId, inTitle ? FtsTermStatistics.TitleColumn : FtsTermStatistics.TextColumn);
    }

    /// <param name="rows">Live rows (bm25's N), token-less ones included.</param>
    /// <param name="lengths">The chunks' column lengths, when the instances leave out some of their terms.</param>
    public FtsTermStatistics Build(long rows, IReadOnlyDictionary<long, (int Title, int Text)>? lengths = null)
    {
        var chunks = new Dictionary<long, FtsTermStatistics.ChunkTerms>(_builders.Count);
        foreach (var (id, built) in _builders)
        {
            var chunkTerms = built.Build();
            chunks[id] = lengths is not null && lengths.TryGetValue(id, out var length) ? chunkTerms with { TitleLength = length.Title, TextLength = length.Text } : chunkTerms;
        }

        return new FtsTermStatistics(_termIds, [.. _terms], [.. _frequencies], chunks, rows);
    }
}
