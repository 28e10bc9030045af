using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// What FTS5's bm25() would know about a set of chunks: the stemmed terms of every chunk with their counts per column,
/// each term's postings and document frequency, and the column lengths. Keyword search ranks a small store from them
/// exactly as FTS5 would (<see cref="FtsBm25Ranking"/>), and feedback picks and scores expansion terms with them, with
/// the porter tokenizer's own stems.
/// </summary>
/// <remarks>
/// A store's are read from its keyword postings (<see cref="KeywordPostingStatistics"/>) and kept in memory until the
/// next write, like the vector matrix; feedback's candidates' come from the .NET tokenizer (<see cref="TokenizedChunks"/>)
/// or, for the rare text it leaves to FTS5, from a scratch FTS5 table's <c>fts5vocab</c> 'instance' table. Roughly 24
/// bytes per distinct term of a chunk (its counts by chunk and its posting by term): about 12 MB for 5,000 abstracts.
/// </remarks>
internal sealed class FtsTermStatistics : IKeywordStatistics
{
    public const int TitleColumn = 0;
    public const int TextColumn = 1;

    private readonly Dictionary<string, int> _termIds;
    private readonly string[] _terms;
    private readonly int[] _documentFrequency;
    private readonly Dictionary<long, ChunkTerms> _chunks;

    // The chunks in rowid order, and each term's postings into that order (compressed rows: the postings of term t
    // are postings[postingStarts[t]..postingStarts[t + 1]]), so ranking walks flat arrays.
    private readonly long[] _chunkIds;
    private readonly double[] _chunkSaturations;
    private readonly int[] _postingStarts;
    private readonly Posting[] _postings;

    internal FtsTermStatistics(Dictionary<string, int> termIds, string[] terms, int[] documentFrequency, Dictionary<long, ChunkTerms> chunks, long rows)
    {
        this._termIds = termIds;
        this._terms = terms;
        this._documentFrequency = documentFrequency;
        this._chunks = chunks;
        ChunkCount = (int)Math.Max(rows, chunks.Count);
        AverageLength = ChunkCount == 0 ? 0 : (double)chunks.Values.Sum(c => (long)c.Length) / ChunkCount;

        _chunkIds = [.. chunks.Keys.Order()];
        _chunkSaturations = new double[_chunkIds.Length];
        _postingStarts = new int[terms.Length + 1];
        foreach (var chunk in chunks.Values)
        {
            foreach (var termId in chunk.TermIds)
            {
                _postingStarts[termId + 1]++;
            }
        }

        for (var t = 0; t < terms.Length; t++)
        {
            _postingStarts[t + 1] += _postingStarts[t];
        }

        _postings = new Posting[_postingStarts[^1]];
        var next = _postingStarts[..^1];
        for (var i = 0; i < _chunkIds.Length; i++)
        {
            var chunk = chunks[_chunkIds[i]];
            _chunkSaturations[i] = FtsBm25.Saturation(chunk.Length, AverageLength);
            for (var t = 0; t < chunk.TermIds.Length; t++)
            {
                _postings[next[chunk.TermIds[t]]++] = new Posting(i, chunk.TitleCounts[t], chunk.TextCounts[t]);
            }
        }
    }

    /// <summary>Live chunks, token-less ones included: bm25's N.</summary>
    public int ChunkCount { get; }

    /// <summary>Tokens per row, both columns together: FTS5's avgdl.</summary>
    public double AverageLength { get; }

    /// <summary>Chunks with at least one token, indexed in rowid order by <see cref="Posting.Chunk"/>.</summary>
    public int IndexedChunks => _chunkIds.Length;

    public int TermCount => _terms.Length;

    /// <summary>The stemmed term of an id.</summary>
    public string Term(int id) => _terms[id];

    /// <summary>The id of a stemmed term, or -1 when no chunk holds it.</summary>
    public int Id(string term) => _termIds.TryGetValue(term, out var id) ? id : -1;

    /// <summary>Chunks holding the term in either column.</summary>
    public int DocumentFrequency(int termId) => _documentFrequency[termId];

    /// <summary>The chunks holding a term, in rowid order, with the term's counts in each column.</summary>
    public ReadOnlySpan<Posting> Postings(int termId) => _postings.AsSpan(_postingStarts[termId], _postingStarts[termId + 1] - _postingStarts[termId]);

    /// <summary>The index of a chunk (by rowid) among the indexed chunks, or a negative number when it holds no term.</summary>
    public int IndexOf(long chunkId) => Array.BinarySearch(_chunkIds, chunkId);

    /// <summary>The rowid of an indexed chunk.</summary>
    public long ChunkId(int chunk) => _chunkIds[chunk];

    /// <summary>BM25's length normalization of an indexed chunk (<see cref="FtsBm25.Saturation"/>), computed once per load.</summary>
    public double ChunkSaturation(int chunk) => _chunkSaturations[chunk];

    /// <summary>The term counts of a chunk (by rowid), if it has any.</summary>
    public bool TryGetChunk(long chunkId, out ChunkTerms terms) => _chunks.TryGetValue(chunkId, out terms!);

    /// <summary>The statistics of an FTS5 table with the store's columns (title, text), through its fts5vocab 'instance' table.</summary>
    /// <param name="createVocabularySql">Creates the instance table if it does not exist.</param>
    /// <param name="readInstancesSql">Reads (term, doc, col = 'title') from it, in its own order.</param>
    /// <param name="parameters">Values of the read's parameters.</param>
    /// <param name="lengths">The chunks' column lengths, when the read leaves out some of their terms.</param>
    public static async Task<FtsTermStatistics> LoadAsync(
        CommandCache commands, string createVocabularySql, string readInstancesSql, long rows, CancellationToken cancellationToken, SqliteTransaction? transaction = null,
        IReadOnlyList<(string Name, object Value)>? parameters = null, IReadOnlyDictionary<long, (int Title, int Text)>? lengths = null)
    {
        await commands.Get(createVocabularySql, transaction).ExecuteNonQueryAsync(cancellationToken);
        var instances = new TermInstances();

        // Rows arrive grouped by term, then chunk, then column: a run of equal (term, chunk) is one chunk's count.
        // The loop reads synchronously: a million rows of awaited ReadAsync cost more than SQLite's whole scan.
        var read = commands.Get(readInstancesSql, transaction);
        foreach (var (name, value) in parameters ?? [])
        {
            read.Set(name, value);
        }

        using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var rowsRead = 0;
        while (reader.Read())
        {
            if ((++rowsRead & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            instances.Add(reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2) == 1);
        }

        return instances.Build(rows, lengths);
    }

    /// <summary>One chunk holding a term: its index in rowid order and the term's counts in the title and text.</summary>
    internal readonly record struct Posting(int Chunk, int TitleCount, int TextCount);

    /// <summary>A chunk's distinct terms (ascending ids) with their counts in the title and text columns.</summary>
    internal sealed record ChunkTerms(int[] TermIds, int[] TitleCounts, int[] TextCounts, int TitleLength, int TextLength)
    {
        public int Length => TitleLength + TextLength;

        /// <summary>The counts of a term in this chunk: (0, 0) when absent.</summary>
        public (int Title, int Text) Counts(int termId)
        {
            var at = Array.BinarySearch(TermIds, termId);
            return at < 0 ? (0, 0) : (TitleCounts[at], TextCounts[at]);
        }
    }

    internal sealed class ChunkTermsBuilder
    {
        // Term ids arrive in ascending order (the vocabulary is read in term order), so appending keeps them sorted.
        private readonly List<int> _ids = [];
        private readonly List<int> _title = [];
        private readonly List<int> _text = [];
        private int _titleLength;
        private int _textLength;

        public void Add(int termId, int column)
        {
            if (_ids.Count == 0 || _ids[^1] != termId)
            {
                _ids.Add(termId);
                _title.Add(0);
                _text.Add(0);
            }

            if (column == TitleColumn)
            {
                _title[^1]++;
                _titleLength++;
            }
            else
            {
                _text[^1]++;
                _textLength++;
            }
        }

        /// <summary>A term's counts in both columns at once (a posting); terms in ascending id order.</summary>
        public void Add(int termId, int titleCount, int textCount)
        {
            _ids.Add(termId);
            _title.Add(titleCount);
            _text.Add(textCount);
            _titleLength += titleCount;
            _textLength += textCount;
        }

        public ChunkTerms Build() => new([.. _ids], [.. _title], [.. _text], _titleLength, _textLength);
    }
}
