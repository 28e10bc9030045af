using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Conversations;

/// <summary>A server whose clock the test moves, with a 30-minute conversation idle time.</summary>
public sealed class ClockServer : TinyServerFixture
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    protected override Dictionary<string, string> Settings => new()
    {
        ["Server:RateLimit:Enabled"] = "false",
        ["Server:ConversationIdleMinutes"] = "30",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
}
