using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.RateLimiting;

/// <summary>Three requests per client per minute; one key per test so the tests' windows do not mix.</summary>
public sealed class LimitedServer : TinyServerFixture
{
    public const int PermitLimit = 3;

    public static readonly string[] Keys = ["limited-key-0-0123456789", "limited-key-1-0123456789", "limited-key-2-0123456789"];

    protected override Dictionary<string, string> Settings
    {
        get
        {
            var settings = new Dictionary<string, string>
            {
                ["Server:RateLimit:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Server:RateLimit:WindowSeconds"] = "60",
            };
            for (var i = 0; i < Keys.Length; i++)
            {
                settings[$"Server:ApiKeys:{i}"] = Keys[i];
            }

            return settings;
        }
    }
}
