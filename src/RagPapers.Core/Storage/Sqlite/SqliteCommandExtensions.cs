using Microsoft.Data.Sqlite;

namespace RagPapers.Storage.Sqlite;

internal static class SqliteCommandExtensions
{
    /// <summary>Sets a parameter of a reused command, adding it on first use; null becomes SQL NULL.</summary>
    public static SqliteCommand Set(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        if (parameters.Contains(name))
        {
            parameters[name].Value = value ?? DBNull.Value;
        }
        else
        {
            parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
