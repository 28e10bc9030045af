using System.Buffers;
using System.Text;
using System.Text.Json;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Ids as one JSON array parameter, unpacked in SQL by <c>json_each</c>: a look-up of many rows is one statement with
/// one prepared plan, instead of one statement per row or an IN list whose text (and plan) changes with its length.
/// </summary>
internal static class JsonIdList
{
    /// <summary>The SQL that yields the ids of parameter <c>$ids</c>, one row each, for <c>IN (...)</c>.</summary>
    public const string Values = "SELECT value FROM json_each($ids)";

    public static string From(IEnumerable<string> ids)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var id in ids)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Numeric ids (chunk rowids) as a JSON array.</summary>
    public static string From(IEnumerable<long> ids) => "[" + string.Join(',', ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
