using System.Buffers;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Chunks tokenized by the .NET tokenizer (<see cref="FtsTokenizer"/>) and turned into the statistics FTS5's instance
/// vocabulary gives of them: feedback reads its candidates' terms without a scratch FTS5 table.
/// </summary>
/// <remarks>
/// A chunk keeps its tokens as term numbers (<see cref="TermNumbering"/>). The statistics number their terms in FTS5's
/// order (UTF-8 bytes) by sorting the distinct terms alone, then count each chunk's: sorting every token instance by
/// term, as the instance table lists them, cost a few milliseconds a question for three hundred abstracts.
/// </remarks>
internal sealed class TokenizedChunks
{
    private readonly TermNumbering _numbering;
    private readonly List<(long Id, int[] Tokens, int TitleLength)> _chunks;

    private TokenizedChunks(TermNumbering numbering, List<(long, int[], int)> chunks) => (_numbering, _chunks) = (numbering, chunks);

    /// <summary>The chunks' terms, or null when some token's term cannot be promised exact (FTS5 then tokenizes them).</summary>
    /// <param name="numbering">Terms made for earlier questions' candidates, kept by the caller: most tokens recur.</param>
    public static TokenizedChunks? Of(IReadOnlyDictionary<long, (string Title, string Text)> rows, TermNumbering? numbering = null)
    {
        numbering ??= new TermNumbering();
        if (numbering.Full)
        {
            numbering.Clear();
        }

        var chunks = new List<(long, int[], int)>(rows.Count);
        var tokens = new List<int>();
        var buffer = new char[64];
        foreach (var (id, (title, text)) in rows)
        {
            tokens.Clear();
            if (!FtsTokenizer.Number(title, numbering, tokens, ref buffer))
            {
                return null;
            }

            var titleLength = tokens.Count;
            if (!FtsTokenizer.Number(text, numbering, tokens, ref buffer))
            {
                return null;
            }

            chunks.Add((id, [.. tokens], titleLength));
        }

        return new TokenizedChunks(numbering, chunks);
    }

    /// <summary>Each chunk's title and text lengths in tokens (FTS5's docsize).</summary>
    public Dictionary<long, (int Title, int Text)> Lengths() => _chunks.ToDictionary(c => c.Id, c => (c.TitleLength, c.Tokens.Length - c.TitleLength));

    /// <summary>
    /// The statistics of the chunks' tokens, in FTS5's order: every token of the chunks in <paramref name="whole"/>, and
    /// of the others the tokens whose term is one of <paramref name="terms"/>.
    /// </summary>
    public FtsTermStatistics Statistics(IReadOnlySet<long> whole, IEnumerable<string> terms, long rows, IReadOnlyDictionary<long, (int Title, int Text)>? lengths = null)
    {
        var kept = new Kept(whole, terms.Select(_numbering.Find).Where(n => n >= 0), _numbering.Count);
        try
        {
            var numbers = kept.Distinct(_chunks);
            var names = numbers.Select(_numbering.Term).ToArray();
            Array.Sort(names, numbers, Utf8Order.Instance); // the instance table's term order: ids follow it
            var termIds = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
            for (var id = 0; id < names.Length; id++)
            {
                termIds[names[id]] = id;
                kept.Ids[numbers[id]] = id;
            }

            var frequencies = new int[names.Length];
            var counter = new ChunkCounter(names.Length);
            var chunks = new Dictionary<long, FtsTermStatistics.ChunkTerms>();
            foreach (var (id, tokens, titleLength) in _chunks)
            {
                if (kept.Any(id) && counter.Count(tokens, titleLength, kept, whole.Contains(id), frequencies) is { } counted)
                {
                    chunks[id] = lengths is not null && lengths.TryGetValue(id, out var length) ? counted with { TitleLength = length.Title, TextLength = length.Text } : counted;
                }
            }

            return new FtsTermStatistics(termIds, names, frequencies, chunks, rows);
        }
        finally
        {
            kept.Return();
        }
    }

    /// <summary>Which tokens a <see cref="Statistics"/> call keeps, and (once numbered) the statistics' id of each kept term by term number.</summary>
    private sealed class Kept
    {
        private readonly IReadOnlySet<long> _whole;
        private readonly bool _anyChosen;

        // By term number, rented (the numbering holds up to hundreds of thousands of terms): a flag per chosen term,
        // checked for each token of the chunks not whole (an array read where a set look-up cost a millisecond).
        private readonly byte[] _chosen;

        public Kept(IReadOnlySet<long> whole, IEnumerable<int> chosen, int count)
        {
            _whole = whole;
            Ids = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
            Array.Fill(Ids, -1, 0, count);
            _chosen = ArrayPool<byte>.Shared.Rent(Math.Max(1, count));
            Array.Clear(_chosen, 0, count);
            foreach (var number in chosen)
            {
                _chosen[number] = 1;
                _anyChosen = true;
            }
        }

        /// <summary>By term number: −1 for a term no kept token has, else its id in the statistics (once numbered).</summary>
        public int[] Ids { get; }

        /// <summary>Whether a chunk can keep any token: a chunk not whole keeps only the chosen terms.</summary>
        public bool Any(long chunk) => _anyChosen || _whole.Contains(chunk);

        public bool Keeps(bool whole, int number) => whole || _chosen[number] != 0;

        /// <summary>The term numbers of the kept tokens, each once.</summary>
        public int[] Distinct(List<(long Id, int[] Tokens, int TitleLength)> all)
        {
            var distinct = new List<int>();
            foreach (var (id, tokens, _) in all)
            {
                var whole = _whole.Contains(id);
                if (!whole && !_anyChosen)
                {
                    continue;
                }

                foreach (var number in tokens)
                {
                    if (Ids[number] < 0 && Keeps(whole, number))
                    {
                        Ids[number] = 0;
                        distinct.Add(number);
                    }
                }
            }

            return [.. distinct];
        }

        public void Return()
        {
            ArrayPool<int>.Shared.Return(Ids);
            ArrayPool<byte>.Shared.Return(_chosen);
        }
    }

    /// <summary>One chunk's kept tokens counted by term id, in arrays reused from chunk to chunk.</summary>
    private sealed class ChunkCounter(int terms)
    {
        private readonly int[] _title = new int[terms];
        private readonly int[] _text = new int[terms];
        private readonly List<int> _present = [];

        /// <summary>The chunk's terms (ascending ids) with their counts and lengths, adding to each term's chunk count; null when no token is kept.</summary>
        public FtsTermStatistics.ChunkTerms? Count(int[] tokens, int titleLength, Kept kept, bool whole, int[] frequencies)
        {
            int titleKept = 0, textKept = 0;
            for (var i = 0; i < tokens.Length; i++)
            {
                if (!kept.Keeps(whole, tokens[i]))
                {
                    continue;
                }

                var id = kept.Ids[tokens[i]];
                if (_title[id] == 0 && _text[id] == 0)
                {
                    _present.Add(id);
                }

                if (i < titleLength)
                {
                    _title[id]++;
                    titleKept++;
                }
                else
                {
                    _text[id]++;
                    textKept++;
                }
            }

            if (_present.Count == 0)
            {
                return null;
            }

            _present.Sort();
            var ids = _present.ToArray();
            var (title, text) = (new int[ids.Length], new int[ids.Length]);
            for (var t = 0; t < ids.Length; t++)
            {
                (title[t], text[t]) = (_title[ids[t]], _text[ids[t]]);
                (_title[ids[t]], _text[ids[t]]) = (0, 0);
                frequencies[ids[t]]++;
            }

            _present.Clear();
            return new FtsTermStatistics.ChunkTerms(ids, title, text, titleKept, textKept);
        }
    }
}
