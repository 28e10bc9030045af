using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Hosting;

/// <summary>A server on the three-paper collection with the defaults otherwise (rate limit off).</summary>
public sealed class TinyServer : TinyServerFixture
{
    protected override Dictionary<string, string> Settings => new() { ["Server:RateLimit:Enabled"] = "false" };
}
