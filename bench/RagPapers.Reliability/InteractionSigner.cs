using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace RagPapers.Reliability;

/// <summary>Plays Discord: an Ed25519 key pair whose public half the server is given, and signed slash-command interactions.</summary>
internal sealed class InteractionSigner
{
    public const string ApplicationId = "111111111111111111";

    private readonly Ed25519PrivateKeyParameters _key;

    public InteractionSigner()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        _key = (Ed25519PrivateKeyParameters)pair.Private;
        PublicKeyHex = Convert.ToHexStringLower(((Ed25519PublicKeyParameters)pair.Public).GetEncoded());
    }

    public string PublicKeyHex { get; }

    /// <summary>A signed POST of the slash command <paramref name="name"/> with one string option.</summary>
    public HttpRequestMessage Command(string id, string token, string name, string option, string value)
    {
        var body = new JsonObject
        {
            ["id"] = id, ["application_id"] = ApplicationId, ["type"] = 2, ["token"] = token, ["version"] = 1,
            ["channel_id"] = "333333333333333333", ["channel"] = new JsonObject { ["id"] = "333333333333333333", ["type"] = 0 },
            ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "53908232506183680", ["username"] = "Mason" } },
            ["data"] = new JsonObject
            {
                ["id"] = "771825006014889984", ["name"] = name, ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject { ["name"] = option, ["type"] = 3, ["value"] = value }),
            },
        }.ToJsonString();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    private string Sign(string timestamp, string body)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _key);
        var message = Encoding.UTF8.GetBytes(timestamp + body);
        signer.BlockUpdate(message, 0, message.Length);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }
}
