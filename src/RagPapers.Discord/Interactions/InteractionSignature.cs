using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using RagPapers.Discord.Configuration;

namespace RagPapers.Discord.Interactions;

/// <summary>
/// Checks that a request comes from Discord: an Ed25519 signature over UTF-8(timestamp) followed by the raw
/// body, made with the application's key, and a timestamp close to our clock so a captured request cannot be
/// replayed later. Discord probes the endpoint with bad signatures and unregisters it if they are accepted.
/// </summary>
internal sealed class InteractionSignature(IOptions<DiscordOptions> options, TimeProvider time)
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    private const int SignatureHexLength = 128;

    private readonly Lazy<Ed25519PublicKeyParameters> _key = new(() => new Ed25519PublicKeyParameters(Convert.FromHexString(options.Value.PublicKey), 0));

    /// <summary>Null when the request is authentic and fresh, else why it is refused (safe to show: it holds no secret).</summary>
    public string? Check(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var signature = headers[SignatureHeader].ToString();
        var timestamp = headers[TimestampHeader].ToString();
        if (signature.Length == 0 || timestamp.Length == 0)
        {
            return $"The {SignatureHeader} and {TimestampHeader} headers are required.";
        }

        if (!Verify(timestamp, body, signature))
        {
            return "The request signature does not match.";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > options.Value.MaxTimestampSkewSeconds)
        {
            return "The request timestamp is too far from the current time.";
        }

        return null;
    }

    private bool Verify(string timestamp, ReadOnlySpan<byte> body, string signatureHex)
    {
        if (signatureHex.Length != SignatureHexLength || !signatureHex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        // Ed25519Signer buffers the message and is not thread-safe: one per request.
        var signer = new Ed25519Signer();
        signer.Init(forSigning: false, _key.Value);
        var prefix = Encoding.UTF8.GetBytes(timestamp);
        signer.BlockUpdate(prefix, 0, prefix.Length);
        signer.BlockUpdate(body);
        return signer.VerifySignature(Convert.FromHexString(signatureHex));
    }
}
