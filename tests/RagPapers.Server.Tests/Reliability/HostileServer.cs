using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Reliability;

/// <summary>The server the reliability tests attack: its own store and the tiny collection, no rate limit.</summary>
public sealed class HostileServer : TinyServerFixture
{
    protected override Dictionary<string, string> Settings => new() { ["Server:RateLimit:Enabled"] = "false" };
}
