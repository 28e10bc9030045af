using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RagPapers.Reliability;

/// <summary>Looks into a store file as another process would, to judge whether what a run left is whole.</summary>
internal static class Store
{
    public static long Scalar(string store, string sql)
    {
        using var connection = Open(store);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static long Papers(string store) => File.Exists(store) ? TryScalar(store, "SELECT count(*) FROM papers") : 0;

    /// <summary>Ids of the papers stored.</summary>
    public static HashSet<string> Ids(string store)
    {
        using var connection = Open(store);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM papers";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Null when consistent, else what is wrong: orphans, papers without chunks, the keyword index out of step, a failed integrity check.</summary>
    public static string? Inconsistency(string store)
    {
        (string Sql, string What)[] checks =
        [
            ("SELECT count(*) FROM chunks WHERE paper_id NOT IN (SELECT id FROM papers)", "chunks without a paper"),
            ("SELECT count(*) FROM papers WHERE id NOT IN (SELECT paper_id FROM chunks)", "papers without chunks"),
            ("SELECT (SELECT count(*) FROM chunks) - (SELECT chunks FROM fts_totals)", "keyword index's chunk count out of step with chunks"),
            ("SELECT count(*) FROM (SELECT paper_id, ordinal FROM chunks GROUP BY paper_id, ordinal HAVING count(*) > 1)", "duplicate chunks"),
        ];
        foreach (var (sql, what) in checks)
        {
            if (Scalar(store, sql) is var count and not 0)
            {
                return $"{count} {what}";
            }
        }

        using var connection = Open(store);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return command.ExecuteScalar() as string is "ok" ? null : "integrity_check failed";
    }

    /// <summary>The scalar, or 0 while the store or its tables do not exist yet.</summary>
    public static long TryScalar(string store, string sql)
    {
        try
        {
            return File.Exists(store) ? Scalar(store, sql) : 0;
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }

    private static SqliteConnection Open(string store)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Pooling = false, DefaultTimeout = 10 }.ConnectionString);
        connection.Open();
        return connection;
    }
}
