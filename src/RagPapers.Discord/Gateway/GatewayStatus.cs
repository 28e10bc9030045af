using RagPapers.Discord.Commands;

namespace RagPapers.Discord.Gateway;

/// <summary>
/// Whether the Gateway connection stopped for good. A server keeps serving HTTP and only logs it; `ragpapers discord
/// run` waits on <see cref="Failed"/> and exits with its message.
/// </summary>
public sealed class GatewayStatus
{
    private readonly TaskCompletionSource<DiscordSetupException> _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when Discord refused the configuration (a bad token, disallowed intents); the message says what to fix.</summary>
    public Task<DiscordSetupException> Failed => _failed.Task;

    internal void Fail(DiscordSetupException exception) => _failed.TrySetResult(exception);
}
