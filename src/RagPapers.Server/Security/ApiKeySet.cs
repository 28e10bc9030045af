using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RagPapers.Server.Configuration;

namespace RagPapers.Server.Security;

/// <summary>
/// The configured API and admin keys, kept as SHA-256 digests and compared in constant time: every presented
/// key is hashed (so its length leaks nothing) and checked against every stored digest without stopping early.
/// </summary>
public sealed class ApiKeySet
{
    // A header longer than any sane key is refused before hashing; Kestrel already caps header size.
    private const int MaxPresentedLength = 1_024;

    private readonly byte[][] _apiKeys;
    private readonly byte[][] _adminKeys;

    public ApiKeySet(IOptions<ServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _apiKeys = [.. options.Value.ApiKeys.Select(Digest)];
        _adminKeys = [.. options.Value.AdminKeys.Select(Digest)];
    }

    /// <summary>No key of either kind is configured: nothing to authenticate.</summary>
    public bool IsEmpty => _apiKeys.Length == 0 && _adminKeys.Length == 0;

    /// <summary>No API key is configured: the read endpoints are open to anyone who can reach the server.</summary>
    public bool ReaderIsOpen => _apiKeys.Length == 0;

    /// <summary>No admin key is configured: admin endpoints admit whoever the read endpoints admit.</summary>
    public bool AdminIsOpen => _adminKeys.Length == 0;

    /// <summary>Who holds <paramref name="presented"/>, or null when it is no configured key.</summary>
    public ApiKeyIdentity? Identify(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (presented.Length is 0 or > MaxPresentedLength)
        {
            return null;
        }

        var digest = Digest(presented);
        var admin = IndexOf(_adminKeys, digest);
        var api = IndexOf(_apiKeys, digest);
        return admin >= 0 ? new ApiKeyIdentity($"admin-key-{admin}", IsAdmin: true)
            : api >= 0 ? new ApiKeyIdentity($"api-key-{api}", IsAdmin: false)
            : null;
    }

    private static int IndexOf(byte[][] digests, byte[] digest)
    {
        var found = -1;
        for (var i = 0; i < digests.Length; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(digests[i], digest) && found < 0)
            {
                found = i;
            }
        }

        return found;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
