using Microsoft.Data.Sqlite;
using RagPapers.Text;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// How one write changes the vocabulary table: +1 per added paper for each distinct word of its title and abstract,
/// -1 per removed paper. Summed over a whole batch, so the table is written once per batch.
/// </summary>
/// <remarks>
/// Counting runs over every word of every paper ingested, so it allocates nothing per word and keeps a look-up to one
/// cache line where it can: the words are numbered in the order first met, those of up to 16 characters below U+0100
/// (nearly all) packed in a <see cref="ShortTokenTable"/>, the others in a dictionary, and each number's delta and the
/// last paper that counted it live in arrays. An ASCII word is lower-cased and packed in one pass over its characters;
/// another goes through <see cref="SurfaceWords.TryLower"/>. Only a word new to the batch becomes a string. The last
/// paper mark makes a word count once per paper however often the paper uses it.
/// </remarks>
internal sealed class VocabularyDelta
{
    private readonly ShortTokenTable _shortWords = new();
    private readonly Dictionary<string, int> _longWords = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private int[] _deltas = new int[1024];
    private int[] _lastPapers = new int[1024];
    private int _paper;

    public void Add(string title, string @abstract) => Count(title, @abstract, +1);

    public void Remove(string title, string @abstract) => Count(title, @abstract, -1);

    /// <summary>Adds deltas counted elsewhere (<see cref="AddedTextCounter"/>) to these.</summary>
    public void Include(VocabularyDelta counted)
    {
        _paper++;
        for (var i = 0; i < counted._words.Count; i++)
        {
            var word = counted._words[i];
            var number = Number(word, word);
            _deltas[number] += counted._deltas[i];
            _lastPapers[number] = _paper;
        }
    }

    /// <summary>Each word whose count changes, with the change, in the order the words were first met.</summary>
    public KeyValuePair<string, int>[] Changes()
    {
        var changes = new List<KeyValuePair<string, int>>(_words.Count);
        for (var i = 0; i < _words.Count; i++)
        {
            if (_deltas[i] != 0)
            {
                changes.Add(KeyValuePair.Create(_words[i], _deltas[i]));
            }
        }

        return [.. changes];
    }

    public Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        VocabularyRows.ApplyAsync(connection, transaction, Changes(), cancellationToken);

    private void Count(string title, string @abstract, int sign)
    {
        _paper++;
        CountText(title, sign);
        CountText(@abstract, sign);
    }

    private void CountText(string text, int sign)
    {
        Span<char> buffer = stackalloc char[SurfaceWords.MaxLength];
        var tokens = SurfaceWords.Tokens(text);
        while (tokens.MoveNext())
        {
            var token = tokens.Current;
            if (!SurfaceWords.IsWord(token))
            {
                continue;
            }

            var number = tokens.CurrentIsAscii && token.Length <= ShortTokenTable.MaxLength
                ? NumberAscii(text.AsSpan(token.Start, token.Length))
                : Number(LowerInto(text, token, buffer), null);
            if (_lastPapers[number] != _paper)
            {
                _deltas[number] += sign;
                _lastPapers[number] = _paper;
            }
        }
    }

    private static ReadOnlySpan<char> LowerInto(string text, WordToken token, Span<char> buffer)
    {
        SurfaceWords.TryLower(text, token, buffer, out var word);
        return word;
    }

    /// <summary>The number of an ASCII word of letters of up to 16 characters, packed lower-cased as it is read.</summary>
    private int NumberAscii(ReadOnlySpan<char> letters)
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

    /// <summary>The number of a lower-cased word, given when it is first met; <paramref name="asString"/> saves making its string.</summary>
    private int Number(ReadOnlySpan<char> word, string? asString)
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
        if (number == _deltas.Length)
        {
            Array.Resize(ref _deltas, number * 2);
            Array.Resize(ref _lastPapers, number * 2);
        }

        return number;
    }
}
