using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Fakes;

internal static class TestStores
{
    public static EmbedderDescriptor Embedder { get; } = new(HashingEmbeddingGenerator.Id, HashingEmbeddingGenerator.Dimensions);

    public static async Task<SqlitePaperIndex> OpenAsync(string path, EmbedderDescriptor? embedder = null)
    {
        var index = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance);
        await index.OpenAsync(embedder ?? Embedder);
        return index;
    }

    /// <summary>Counts rows through a separate connection, the way another process would see the file.</summary>
    public static long CountRows(string path, string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
