using Microsoft.Data.Sqlite;
using RagPapers.Text;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// How one write changes the vocabulary table: +1 per added paper for each distinct word of its title and abstract,
/// -1 per removed paper. Summed over a whole batch, so the table is written once per batch.
/// </summary>
/// <remarks>
/// Counting runs over every word of every paper ingested, so it allocates nothing per word and keeps a look-up to one
/// cache line where it can: the words are numbered (<see cref="WordNumbering"/>, rented, so mostly numbered by earlier
/// batches already) and each number's delta and the last paper that counted it sit side by side in an array. An ASCII
/// word is lower-cased as it is packed; another goes through <see cref="SurfaceWords.TryLower"/> first. The last paper
/// mark makes a word count once per paper however often the paper uses it. Dispose gives the numbering back.
/// </remarks>
internal sealed class VocabularyDelta : IDisposable
{
    private WordNumbering _numbering = WordNumbering.Rent();

    // The numbers this delta counted, in the order first met: the changes come out in that order.
    private List<int> _touched = [];
    private int _paper;
    private bool _disposed;

    public void Add(string title, string @abstract) => Count(title, @abstract, +1);

    public void Remove(string title, string @abstract) => Count(title, @abstract, -1);

    /// <summary>Adds deltas counted elsewhere (<see cref="AddedTextCounter"/>) to these; <paramref name="counted"/> is left empty.</summary>
    /// <remarks>
    /// Into a delta that has counted nothing (a batch of new papers) the counts are taken over whole, numbering and all,
    /// instead of being looked up again word by word on the writer's thread; the empty numbering goes to
    /// <paramref name="counted"/>, to be returned when it is disposed.
    /// </remarks>
    public void Include(VocabularyDelta counted)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ObjectDisposedException.ThrowIf(counted._disposed, counted);
        if (_touched.Count == 0)
        {
            (_numbering, counted._numbering) = (counted._numbering, _numbering);
            (_touched, counted._touched) = (counted._touched, _touched);
            _paper = Math.Max(_paper, counted._paper) + 1; // later papers' marks stay above the counted ones
            return;
        }

        _paper++;
        var theirs = counted._numbering.Counts;
        foreach (var number in counted._touched)
        {
            var word = counted._numbering.Word(number);
            ref var count = ref Touch(_numbering.Number(word, word));
            count.Delta += theirs[number].Delta;
            count.LastPaper = _paper;
        }

        counted.Clear();
    }

    /// <summary>Each word whose count changes, with the change, in the order the words were first met.</summary>
    public KeyValuePair<string, int>[] Changes()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var counts = _numbering.Counts;
        var changes = new List<KeyValuePair<string, int>>(_touched.Count);
        foreach (var number in _touched)
        {
            if (counts[number].Delta != 0)
            {
                changes.Add(KeyValuePair.Create(_numbering.Word(number), counts[number].Delta));
            }
        }

        return [.. changes];
    }

    public Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        VocabularyRows.ApplyAsync(connection, transaction, Changes(), cancellationToken);

    /// <summary>Zeroes the counts this delta touched and returns the numbering for another batch.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Clear();
        _numbering.Return();
    }

    private void Clear()
    {
        var counts = _numbering.Counts;
        foreach (var number in _touched)
        {
            counts[number] = default;
        }

        _touched.Clear();
    }

    private void Count(string title, string @abstract, int sign)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
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

            // An ASCII word needs no lower-casing first: NumberAscii sets its bit 0x20 as it packs it.
            int number;
            if (tokens.CurrentIsAscii && token.Length <= ShortTokenTable.MaxLength)
            {
                number = _numbering.NumberAscii(text.AsSpan(token.Start, token.Length));
            }
            else
            {
                SurfaceWords.TryLower(text, token, buffer, out var word);
                number = _numbering.Number(word);
            }

            ref var count = ref Touch(number);
            if (count.LastPaper != _paper)
            {
                count.Delta += sign;
                count.LastPaper = _paper;
            }
        }
    }

    private ref WordNumbering.Count Touch(int number)
    {
        ref var count = ref _numbering.Counts[number];
        if (count.LastPaper == 0)
        {
            _touched.Add(number);
        }

        return ref count;
    }
}
