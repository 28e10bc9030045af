using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace RagPapers.Testing.Discord;

/// <summary>A real Ed25519 key pair, signing requests the way Discord does: over UTF-8(timestamp) + raw body.</summary>
public sealed class Ed25519KeyPair
{
    private readonly Ed25519PrivateKeyParameters _private;

    public Ed25519KeyPair()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        _private = (Ed25519PrivateKeyParameters)pair.Private;
        PublicKeyHex = Convert.ToHexStringLower(((Ed25519PublicKeyParameters)pair.Public).GetEncoded());
    }

    public string PublicKeyHex { get; }

    public string Sign(string timestamp, byte[] body)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _private);
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        signer.BlockUpdate(message, 0, message.Length);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }
}
