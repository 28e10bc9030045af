using System.Collections.Concurrent;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Numbers lower-cased surface words for <see cref="VocabularyDelta"/> and holds each number's count for the delta that
/// rented it: words of up to 16 characters below U+0100 (nearly all) packed in a <see cref="ShortTokenTable"/>, one
/// cache line a look-up, the others in a dictionary. Rented and returned, the numbers serve the next batch, which meets
/// mostly the same words and so makes few strings; up to <see cref="MaxWords"/> words, then started afresh.
/// </summary>
internal sealed class WordNumbering
{
    /// <summary>Bounds the memory held between batches (about 100 bytes a word).</summary>
    public const int MaxWords = 300_000;

    private static readonly ConcurrentBag<WordNumbering> Returned = [];

    private readonly ShortTokenTable _shortWords = new();
    private readonly Dictionary<string, int> _longWords = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private Count[] _counts = new Count[1024];

    /// <summary>Each number's count, all zero when rented; the renter zeroes the ones it touched before returning.</summary>
    public Span<Count> Counts => _counts;

    /// <summary>Numbering with every count zero, reused if one was returned.</summary>
    public static WordNumbering Rent() => Returned.TryTake(out var numbering) ? numbering : new WordNumbering();

    /// <summary>Gives the numbering back once its counts are all zero again.</summary>
    public void Return()
    {
        if (_words.Count >= MaxWords)
        {
            _shortWords.Clear();
            _longWords.Clear();
            _words.Clear();
        }

        Returned.Add(this);
    }

    public string Word(int number) => _words[number];

    /// <summary>The number of an ASCII word of letters of up to <see cref="ShortTokenTable.MaxLength"/> characters, lower-cased as it is packed.</summary>
    public int NumberAscii(ReadOnlySpan<char> letters)
    {
        ulong low = 0, high = 0;
        var i = 0;
        for (; i < letters.Length && i < 8; i++)
        {
            low |= (ulong)(letters[i] | 0x20) << (8 * i);
        }

        for (; i < letters.Length; i++)
        {
            high |= (ulong)(letters[i] | 0x20) << (8 * (i - 8));
        }

        if (_shortWords.TryGet(low, high, letters.Length, out var known))
        {
            return known;
        }

        var number = New(string.Create(letters.Length, (low, high), static (word, packed) =>
        {
            for (var i = 0; i < word.Length; i++)
            {
                word[i] = (char)(byte)((i < 8 ? packed.low : packed.high) >> (8 * (i & 7)));
            }
        }));
        _shortWords.Add(low, high, letters.Length, number);
        return number;
    }

    /// <summary>The number of a lower-cased word; <paramref name="asString"/>, when the caller has it, saves making its string.</summary>
    public int Number(ReadOnlySpan<char> word, string? asString = null)
    {
        if (ShortTokenTable.TryPack(word, out var low, out var high))
        {
            if (_shortWords.TryGet(low, high, word.Length, out var known))
            {
                return known;
            }

            var number = New(asString ?? word.ToString());
            _shortWords.Add(low, high, word.Length, number);
            return number;
        }

        if (_longWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var found))
        {
            return found;
        }

        asString ??= word.ToString();
        return _longWords[asString] = New(asString);
    }

    private int New(string word)
    {
        var number = _words.Count;
        _words.Add(word);
        if (number == _counts.Length)
        {
            Array.Resize(ref _counts, number * 2);
        }

        return number;
    }

    /// <summary>A word's count in one delta: the change, and the last paper that counted it (0: none yet).</summary>
    public struct Count
    {
        public int Delta;
        public int LastPaper;
    }
}
