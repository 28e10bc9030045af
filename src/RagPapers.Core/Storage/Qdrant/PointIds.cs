using System.Security.Cryptography;
using System.Text;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// Deterministic point ids (Qdrant takes only integers and UUIDs): a name-based UUID (RFC 4122 version 5) of the
/// paper id, or of the paper id and chunk ordinal, so re-ingesting a paper overwrites its points instead of adding.
/// </summary>
internal static class PointIds
{
    // The RFC 4122 URL namespace; the names below are RagPapers-prefixed so they cannot meet anyone else's.
    private static readonly byte[] Namespace = Guid.Parse("6ba7b811-9dad-11d1-80b4-00c04fd430c8").ToByteArray(bigEndian: true);

    public static string Paper(string paperId) => NameBased("ragpapers:paper:" + paperId);

    public static string Chunk(string paperId, int ordinal) => NameBased(FormattableString.Invariant($"ragpapers:chunk:{ordinal}:{paperId}"));

    /// <summary>A version-5 UUID of <paramref name="name"/> in the URL namespace.</summary>
    public static string NameBased(string name)
    {
        var input = new byte[Namespace.Length + Encoding.UTF8.GetByteCount(name)];
        Namespace.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(name, input.AsSpan(Namespace.Length));
#pragma warning disable CA5350 // version-5 UUIDs are defined on SHA-1; this is naming, not security
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }
}
