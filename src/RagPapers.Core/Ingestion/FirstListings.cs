using Microsoft.Data.Sqlite;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Ingestion;

/// <summary>
/// Where each paper id was first read in one ingestion run and what it held then, so a later listing of the same id
/// is recognised as a duplicate. Kept in SQLite's private temporary database (an empty file name) rather than in a
/// dictionary: a run over millions of records holds SQLite's page cache, not an entry per paper. SQLite unlinks that
/// file as soon as it creates it, so even a run killed with SIGKILL leaves nothing in the temp folder.
/// </summary>
internal sealed class FirstListings : IAsyncDisposable
{
    // A scratch database nobody else can open, new for every run: no journal, no fsync, one lock for the whole run.
    private const string SetupSql = """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA cache_size=-8192;
        CREATE TABLE first(id TEXT PRIMARY KEY, hash BLOB NOT NULL, text_hash BLOB NOT NULL, source TEXT NOT NULL, line INTEGER NOT NULL) WITHOUT ROWID;
        """;

    private const string FindSql = $"SELECT id, hash, text_hash, source, line FROM first WHERE id IN ({JsonIdList.Values})";
    private const string InsertSql = "INSERT INTO first(id, hash, text_hash, source, line) VALUES ($id, $hash, $text, $source, $line)";

    private readonly SqliteConnection _connection;
    private readonly CommandCache _commands;

    private FirstListings()
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = string.Empty, Pooling = false }.ConnectionString);
        _commands = new CommandCache(_connection);
    }

    public static async Task<FirstListings> OpenAsync(CancellationToken cancellationToken)
    {
        var listings = new FirstListings();
        try
        {
            await listings._connection.OpenAsync(cancellationToken);
            await listings._commands.Get(SetupSql).ExecuteNonQueryAsync(cancellationToken);
            return listings;
        }
        catch
        {
            await listings.DisposeAsync();
            throw;
        }
    }

    /// <summary>The first listings recorded for any of <paramref name="ids"/>, by id.</summary>
    public async Task<Dictionary<string, PaperListing>> FindAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, PaperListing>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        using var reader = await _commands.Get(FindSql).Set("$ids", JsonIdList.From(ids)).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var hash = Convert.ToHexStringLower((byte[])reader[1]);
            var textHash = Convert.ToHexStringLower((byte[])reader[2]);
            found[reader.GetString(0)] = new PaperListing(hash, textHash, reader.GetString(3), reader.GetInt32(4));
        }

        return found;
    }

    /// <summary>Records first listings, in one transaction.</summary>
    public async Task AddAsync(IReadOnlyList<KeyValuePair<string, PaperListing>> listings, CancellationToken cancellationToken)
    {
        if (listings.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        var insert = _commands.Get(InsertSql, transaction);
        foreach (var (id, listing) in listings)
        {
            await insert.Set("$id", id).Set("$hash", Convert.FromHexString(listing.Hash)).Set("$text", Convert.FromHexString(listing.TextHash))
                .Set("$source", listing.Source).Set("$line", listing.Line).ExecuteNonQueryAsync(cancellationToken);
        }

        transaction.Commit();
    }

    public async ValueTask DisposeAsync()
    {
        _commands.Dispose();
        await _connection.DisposeAsync();
    }
}
