using System.Globalization;
using Microsoft.Data.Sqlite;
using RagPapers.Papers;

namespace RagPapers.Storage.Sqlite;

/// <summary>How a <see cref="Paper"/> maps to a row of the papers table.</summary>
internal static class PaperRows
{
    public const string Columns = "id, title, abstract, authors, published, source, arxiv_id";

    // The unit separator cannot occur in a name read from text, so no escaping is needed.
    private const char AuthorSeparator = '\u001f';

    public static string JoinAuthors(IReadOnlyList<string> authors) => string.Join(AuthorSeparator, authors);

    public static string? FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a paper from a reader whose first columns are <see cref="Columns"/>.</summary>
    public static Paper Read(SqliteDataReader reader)
    {
        var authors = reader.GetString(3);
        return new Paper(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            authors.Length == 0 ? [] : authors.Split(AuthorSeparator),
            reader.IsDBNull(4) ? null : DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6));
    }
}
