namespace RagPapers.Storage.Sqlite;

/// <summary>
/// What FTS5's bm25() knows about the indexed chunks, read back out of FTS5 itself: the stemmed terms of every
/// chunk with their counts per column, each term's document frequency, and the column lengths. Feedback needs
/// them to pick expansion terms and score them exactly as FTS5 would, with the porter tokenizer's own stems.
/// </summary>
/// <remarks>
/// Read from an <c>fts5vocab</c> 'instance' table in one pass (a row per token occurrence, ordered by term, then
/// chunk, then column), so nothing is stored twice in the file; it is kept in memory until the next write, like
/// the vector matrix. Roughly 8 bytes per distinct term of a chunk: about 4 MB for 5,000 abstracts.
/// </remarks>
internal sealed class FtsTermStatistics
{
    public const int TitleColumn = 0;
    public const int TextColumn = 1;

    // The vocabulary table lives in the connection's temp schema: it is a view onto chunks_fts, not data,
    // so stores written before feedback existed need no migration.
    private const string CreateVocabularySql =
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_fts_instance USING fts5vocab(main, chunks_fts, instance)";

    private const string ReadInstancesSql = "SELECT term, doc, col = 'title' FROM temp.chunks_fts_instance";

    private readonly Dictionary<string, int> termIds;
    private readonly string[] terms;
    private readonly int[] documentFrequency;
    private readonly Dictionary<long, ChunkTerms> chunks;

    private FtsTermStatistics(Dictionary<string, int> termIds, string[] terms, int[] documentFrequency, Dictionary<long, ChunkTerms> chunks)
    {
        this.termIds = termIds;
        this.terms = terms;
        this.documentFrequency = documentFrequency;
        this.chunks = chunks;
        ChunkCount = chunks.Count;
        if (ChunkCount > 0)
        {
            AverageLength = chunks.Values.Average(c => (double)c.Length);
        }
    }

    /// <summary>Chunks with at least one token: FTS5's N for the IDF.</summary>
    public int ChunkCount { get; }

    /// <summary>Tokens per chunk, both columns together: FTS5's avgdl.</summary>
    public double AverageLength { get; }

    public int TermCount => terms.Length;

    /// <summary>The stemmed term of an id.</summary>
    public string Term(int id) => terms[id];

    /// <summary>The id of a stemmed term, or -1 when no chunk holds it.</summary>
    public int Id(string term) => termIds.TryGetValue(term, out var id) ? id : -1;

    /// <summary>Chunks holding the term in either column.</summary>
    public int DocumentFrequency(int termId) => documentFrequency[termId];

    /// <summary>The term counts of a chunk (by rowid), if it has any.</summary>
    public bool TryGetChunk(long chunkId, out ChunkTerms terms) => chunks.TryGetValue(chunkId, out terms!);

    public static async Task<FtsTermStatistics> LoadAsync(CommandCache commands, CancellationToken cancellationToken)
    {
        await commands.Get(CreateVocabularySql).ExecuteNonQueryAsync(cancellationToken);
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        var frequencies = new List<int>();
        var builders = new Dictionary<long, ChunkTermsBuilder>();

        // Rows arrive grouped by term, then chunk, then column: a run of equal (term, chunk) is one chunk's count.
        // The loop reads synchronously: a million rows of awaited ReadAsync cost more than SQLite's whole scan.
        using var reader = await commands.Get(ReadInstancesSql).ExecuteReaderAsync(cancellationToken);
        string? term = null;
        var termId = -1;
        long chunk = -1;
        ChunkTermsBuilder? builder = null;
        while (reader.Read())
        {
            var rowTerm = reader.GetString(0);
            if (!string.Equals(rowTerm, term, StringComparison.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                term = rowTerm;
                termId = terms.Count;
                termIds[term] = termId;
                terms.Add(term);
                frequencies.Add(0);
                chunk = -1;
            }

            var rowChunk = reader.GetInt64(1);
            if (rowChunk != chunk)
            {
                chunk = rowChunk;
                frequencies[termId]++;
                if (!builders.TryGetValue(chunk, out builder))
                {
                    builders[chunk] = builder = new ChunkTermsBuilder();
                }
            }

            builder!.Add(termId, reader.GetInt32(2) == 1 ? TitleColumn : TextColumn);
        }

        var chunks = new Dictionary<long, ChunkTerms>(builders.Count);
        foreach (var (id, built) in builders)
        {
            chunks[id] = built.Build();
        }

        return new FtsTermStatistics(termIds, [.. terms], [.. frequencies], chunks);
    }

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

    private sealed class ChunkTermsBuilder
    {
        // Term ids arrive in ascending order (the vocabulary is read in term order), so appending keeps them sorted.
        private readonly List<int> ids = [];
        private readonly List<int> title = [];
        private readonly List<int> text = [];
        private int titleLength;
        private int textLength;

        public void Add(int termId, int column)
        {
            if (ids.Count == 0 || ids[^1] != termId)
            {
                ids.Add(termId);
                title.Add(0);
                text.Add(0);
            }

            if (column == TitleColumn)
            {
                title[^1]++;
                titleLength++;
            }
            else
            {
                text[^1]++;
                textLength++;
            }
        }

        public ChunkTerms Build() => new([.. ids], [.. title], [.. text], titleLength, textLength);
    }
}
