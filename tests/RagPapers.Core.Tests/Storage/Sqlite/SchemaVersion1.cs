using System.Globalization;
using Microsoft.Data.Sqlite;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>A store exactly as RagPapers wrote it at schema version 1 (vectors NOT NULL, plain rowids), to test the migration from it.</summary>
internal static class SchemaVersion1
{
    private const string Sql = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE papers(
            id TEXT PRIMARY KEY, title TEXT NOT NULL, abstract TEXT NOT NULL, authors TEXT NOT NULL,
            published TEXT NULL, source TEXT NOT NULL, arxiv_id TEXT NULL, content_hash TEXT NOT NULL);
        CREATE INDEX papers_source ON papers(source);
        CREATE TABLE chunks(
            id INTEGER PRIMARY KEY, paper_id TEXT NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL);
        CREATE INDEX chunks_paper ON chunks(paper_id);
        CREATE VIRTUAL TABLE chunks_fts USING fts5(title, text, content='', contentless_delete=1, tokenize='porter unicode61');
        """;

    public static void Create(string path, EmbedderDescriptor embedder, PaperDocument document)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, Sql);
        Execute(connection, "INSERT INTO meta(key, value) VALUES ('schema_version', '1'), ('embedder_id', $id), ('dimensions', $dims)",
            ("$id", embedder.Id), ("$dims", embedder.Dimensions.ToString(CultureInfo.InvariantCulture)));
        var paper = document.Paper;
        Execute(connection, "INSERT INTO papers VALUES ($id, $title, $abstract, 'Ada Lovelace', NULL, $source, NULL, $hash)",
            ("$id", paper.Id), ("$title", paper.Title), ("$abstract", paper.Abstract), ("$source", paper.Source), ("$hash", document.ContentHash));
        foreach (var indexed in document.Chunks)
        {
            var vector = indexed.Vector.ToArray().SelectMany(BitConverter.GetBytes).ToArray();
            Execute(connection, "INSERT INTO chunks(id, paper_id, ordinal, text, vector) VALUES (7, $paper, $ordinal, $text, $vector)",
                ("$paper", paper.Id), ("$ordinal", indexed.Chunk.Ordinal), ("$text", indexed.Chunk.Text), ("$vector", vector));
            Execute(connection, "INSERT INTO chunks_fts(rowid, title, text) VALUES (7, $title, $text)", ("$title", paper.Title), ("$text", indexed.Chunk.Text));
        }
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
