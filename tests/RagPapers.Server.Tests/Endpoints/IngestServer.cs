using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Endpoints;

/// <summary>The server the ingest tests write to: its own store, a 4 KB upload limit so the 413 is cheap to provoke.</summary>
public sealed class IngestServer : TinyServerFixture
{
    protected override Dictionary<string, string> Settings => new()
    {
        ["Server:RateLimit:Enabled"] = "false",
        ["Server:MaxIngestBodyBytes"] = "4096",
    };
}
