using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RagPapers.Discord.Configuration;
using RagPapers.Discord.Commands;

namespace RagPapers.Discord.Background;

/// <summary>Commands waiting for a worker, bounded (Discord:QueueCapacity) so a burst cannot grow memory without limit.</summary>
internal sealed class InteractionQueue(IOptions<DiscordOptions> options)
{
    private readonly Channel<PendingCommand> _channel = Channel.CreateBounded<PendingCommand>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>False when the queue is full: the caller answers "busy" at once instead of deferring.</summary>
    public bool TryEnqueue(PendingCommand interaction) => _channel.Writer.TryWrite(interaction);

    public IAsyncEnumerable<PendingCommand> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _channel.Reader.ReadAllAsync(cancellationToken);

    public int Count => _channel.Reader.Count;
}
