using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using RagPapers.Text;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// How one write changes the vocabulary table: +1 per added paper for each distinct word of its title and abstract,
/// -1 per removed paper. Summed over a whole batch, so the table is written once per batch.
/// </summary>
/// <remarks>
/// Counting runs over every word of every paper ingested, so it allocates nothing per word: words are lower-cased into
/// a stack buffer and looked up as spans; only a word new to the batch becomes a string. Each entry remembers the last
/// paper that counted it, so a word counts once per paper however often the paper uses it.
/// </remarks>
internal sealed class VocabularyDelta
{
    private readonly Dictionary<string, Entry> _words = new(StringComparer.Ordinal);
    private int _paper;

    public void Add(string title, string @abstract) => Count(title, @abstract, +1);

    public void Remove(string title, string @abstract) => Count(title, @abstract, -1);

    /// <summary>Adds deltas counted elsewhere (<see cref="AddedTextCounter"/>) to these.</summary>
    public void Include(VocabularyDelta counted)
    {
        _paper++;
        foreach (var (word, entry) in counted._words)
        {
            ref var mine = ref CollectionsMarshal.GetValueRefOrAddDefault(_words, word, out _);
            mine = new Entry(mine.Delta + entry.Delta, _paper);
        }
    }

    public Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        VocabularyRows.ApplyAsync(connection, transaction, [.. _words.Where(w => w.Value.Delta != 0).Select(w => KeyValuePair.Create(w.Key, w.Value.Delta))], cancellationToken);

    private void Count(string title, string @abstract, int sign)
    {
        _paper++;
        CountText(title, sign);
        CountText(@abstract, sign);
    }

    private void CountText(string text, int sign)
    {
        var lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[SurfaceWords.MaxLength];
        foreach (var token in SurfaceWords.Tokens(text))
        {
            if (!SurfaceWords.TryLower(text, token, buffer, out var word))
            {
                continue;
            }

            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, word, out _);
            if (entry.LastPaper != _paper)
            {
                entry = new Entry(entry.Delta + sign, _paper);
            }
        }
    }

    private readonly record struct Entry(int Delta, int LastPaper);
}
