using Microsoft.Extensions.Hosting;

namespace RagPapers.Cli;

/// <summary>The host lifetime of a command: none of its own, as the command's token (InterruptSignals) decides when it stops.</summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
