using Microsoft.Data.Sqlite;
using RagPapers.Text;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// How one write changes the vocabulary table: +1 per added paper for each distinct word of its title and abstract,
/// -1 per removed paper. Summed over a whole batch, so the table is written once per batch.
/// </summary>
internal sealed class VocabularyDelta
{
    private readonly Dictionary<string, int> _delta = new(StringComparer.Ordinal);
    private readonly HashSet<string> _paperWords = new(StringComparer.Ordinal);

    public void Add(string title, string @abstract) => Count(title, @abstract, +1);

    public void Remove(string title, string @abstract) => Count(title, @abstract, -1);

    public Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        VocabularyRows.ApplyAsync(connection, transaction, _delta, cancellationToken);

    private void Count(string title, string @abstract, int sign)
    {
        _paperWords.Clear();
        SurfaceWords.AddDistinct(title, _paperWords);
        SurfaceWords.AddDistinct(@abstract, _paperWords);
        foreach (var word in _paperWords)
        {
            _delta[word] = _delta.GetValueOrDefault(word) + sign;
        }
    }
}
