using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Security;

/// <summary>A server with one API key, one admin key and one allowed CORS origin.</summary>
public sealed class KeyedServer : TinyServerFixture
{
    public const string ReaderKey = "reader-key-0123456789abcdef";
    public const string AdminKey = "admin-key-fedcba9876543210";
    public const string AllowedOrigin = "https://papers.example.org";

    protected override Dictionary<string, string> Settings => new()
    {
        ["Server:ApiKeys:0"] = ReaderKey,
        ["Server:AdminKeys:0"] = AdminKey,
        ["Server:Cors:AllowedOrigins:0"] = AllowedOrigin,
        ["Server:RateLimit:Enabled"] = "false",
    };
}
