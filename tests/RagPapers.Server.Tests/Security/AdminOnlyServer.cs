using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Security;

/// <summary>Admin keys without API keys: a public read API whose ingestion is protected.</summary>
public sealed class AdminOnlyServer : TinyServerFixture
{
    public const string AdminKey = "only-admin-key-00000000000";

    protected override Dictionary<string, string> Settings => new()
    {
        ["Server:AdminKeys:0"] = AdminKey,
        ["Server:RateLimit:Enabled"] = "false",
    };
}
