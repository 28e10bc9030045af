using System.Globalization;
using Qdrant.Client.Grpc;

namespace RagPapers.Testing.Qdrant;

/// <summary>Point ids as Qdrant reads them: an unsigned integer, or a UUID in any of its spellings (kept as lower-case hyphenated).</summary>
internal static class StandInIds
{
    public static readonly Comparer<string> ScrollOrder = Comparer<string>.Create(CompareForScroll);

    public static string Canonical(PointId id) => id.PointIdOptionsCase switch
    {
        PointId.PointIdOptionsOneofCase.Num => id.Num.ToString(CultureInfo.InvariantCulture),
        PointId.PointIdOptionsOneofCase.Uuid => Guid.TryParse(id.Uuid.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) ? id.Uuid[9..] : id.Uuid, out var uuid)
            ? uuid.ToString("D")
            : throw StandInError.WrongInput($"Unable to parse UUID: {id.Uuid}"),
        _ => throw StandInError.Validation("id: the point id is empty"),
    };

    public static PointId Id(string canonical) =>
        ulong.TryParse(canonical, CultureInfo.InvariantCulture, out var number) ? new PointId { Num = number } : new PointId { Uuid = canonical };

    /// <summary>Integers before UUIDs, each in natural order, as Qdrant scrolls.</summary>
    public static int CompareForScroll(string? a, string? b)
    {
        var aNumber = ulong.TryParse(a, CultureInfo.InvariantCulture, out var x);
        var bNumber = ulong.TryParse(b, CultureInfo.InvariantCulture, out var y);
        return aNumber && bNumber ? x.CompareTo(y) : aNumber != bNumber ? (aNumber ? -1 : 1) : string.CompareOrdinal(a, b);
    }
}
