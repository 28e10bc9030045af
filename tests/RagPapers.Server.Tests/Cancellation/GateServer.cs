using Microsoft.Extensions.DependencyInjection;
using RagPapers.Answering.Contracts;
using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Cancellation;

/// <summary>
/// A server with the "gate" writer beside the extractive one (extractive stays the default) and 2 s request
/// and 3 s stream timeouts, so a test can hold an ask in the writer and watch it being cancelled.
/// </summary>
public sealed class GateServer : TinyServerFixture
{
    public GateWriter Gate { get; } = new();

    protected override Dictionary<string, string> Settings => new()
    {
        ["Server:RateLimit:Enabled"] = "false",
        ["Server:RequestTimeoutSeconds"] = "2",
        ["Server:StreamTimeoutSeconds"] = "3",
    };

    // First in the list, so the core's extractive writer is still the one resolved as the default.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Singleton<IAnswerWriter>(Gate));
}
