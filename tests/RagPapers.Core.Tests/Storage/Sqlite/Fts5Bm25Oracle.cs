using Microsoft.Data.Sqlite;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;
using RagPapers.Testing.Storage;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>
/// FTS5's own bm25(…, 2.0, 1.0) ranking of a store's live chunks (<see cref="Fts5Reference"/>), over the query terms
/// keyword search ranks by: those in fewer than half the chunks, or the rarest one when every term is that common.
/// What keyword search returns is held to this, filtered or not, in memory or from disk.
/// </summary>
internal sealed class Fts5Bm25Oracle : IDisposable
{
    private const string RankSql = """
        SELECT c.paper_id, c.ordinal, -bm25(reference, 2.0, 1.0) AS score FROM temp.reference
        JOIN chunks c ON c.id = reference.rowid
        WHERE reference MATCH $match ORDER BY score DESC, reference.rowid
        """;

    private readonly SqliteConnection _connection;

    public Fts5Bm25Oracle(string storePath)
    {
        _connection = Fakes.TestStores.Open(storePath);
        Execute(Fts5Reference.CreateSql);
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>The best <paramref name="top"/> chunks of the papers <paramref name="admits"/> admits (all when null), best first, ties to the lower chunk id.</summary>
    public List<(string PaperId, int Ordinal, double Score)> Rank(string query, int top, Func<string, bool>? admits = null)
    {
        var chunks = Scalar("SELECT count(*) FROM temp.reference", null);
        var found = FtsQuery.Terms(query).Select(t => (Term: t, Rows: Scalar("SELECT count(*) FROM temp.reference WHERE reference MATCH $match", FtsQuery.Match([t]))))
            .Where(t => t.Rows > 0).ToList();
        var informative = found.Where(t => 2 * t.Rows < chunks).Select(t => t.Term).ToList();
        if (informative.Count == 0 && found.Count > 0)
        {
            informative.Add(found.MinBy(t => t.Rows).Term);
        }

        var ranked = new List<(string, int, double)>();
        if (informative.Count == 0)
        {
            return ranked;
        }

        using var command = _connection.CreateCommand();
        command.CommandText = RankSql;
        command.Parameters.AddWithValue("$match", FtsQuery.Match(informative));
        using var reader = command.ExecuteReader();
        while (reader.Read() && ranked.Count < top)
        {
            if (admits is null || admits(reader.GetString(0)))
            {
                ranked.Add((reader.GetString(0), reader.GetInt32(1), reader.GetDouble(2)));
            }
        }

        return ranked;
    }

    /// <summary>Asserts that a search returned these chunks, in this order, with these scores (to 1e-12), and at least one.</summary>
    public static void AssertRankedAs(List<(string PaperId, int Ordinal, double Score)> expected, IReadOnlyList<ChunkHit> actual)
    {
        Assert.NotEmpty(actual);
        Assert.Equal(expected.Select(h => (h.PaperId, h.Ordinal)), actual.Select(h => (h.PaperId, h.Ordinal)));
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 1e-12));
    }

    private long Scalar(string sql, string? match)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (match is not null)
        {
            command.Parameters.AddWithValue("$match", match);
        }

        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
