using System.Globalization;

namespace RagPapers.Server.Contracts;

/// <summary>
/// A date query parameter in exactly the form yyyy-MM-dd, as in JSON bodies; the framework's own DateOnly binding
/// would also take "06/01/2024" or "2024-06-01T00:00:00", and a date the client wrote otherwise is a mistake worth saying.
/// </summary>
public readonly record struct IsoDate(DateOnly Value)
{
    public static bool TryParse(string? text, IFormatProvider? provider, out IsoDate result)
    {
        var parsed = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        result = new IsoDate(date);
        return parsed;
    }

    public override string ToString() => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
