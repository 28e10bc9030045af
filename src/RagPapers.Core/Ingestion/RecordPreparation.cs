using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RagPapers.Papers;

namespace RagPapers.Ingestion;

/// <summary>
/// Reads, parses, hashes and chunks records on a thread of its own, a bounded number ahead of the run, so that on two
/// cores the next batch is prepared while the store writes the current one. What depends on the store or on earlier
/// records (stored hashes, duplicates in the run) stays with the run, in reading order; this only moves work that
/// depends on the record alone. A failure of the reading surfaces, as the original exception, after the records read
/// before it.
/// </summary>
internal static class RecordPreparation
{
    public static async IAsyncEnumerable<PreparedRecord> PrepareAheadAsync(
        IAsyncEnumerable<ReadResult> records,
        Chunker chunker,
        int ahead,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<PreparedRecord>(new BoundedChannelOptions(ahead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(records, chunker, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var prepared))
                {
                    yield return prepared;
                }
            }

            await producer; // the reading's own exception, if it failed
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAny(producer); // the run ends before the reader is left running; its failure is already reported or moot
        }
    }

    private static async Task ProduceAsync(IAsyncEnumerable<ReadResult> records, Chunker chunker, ChannelWriter<PreparedRecord> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(PreparedRecord.Of(record, chunker), cancellationToken);
            }
        }
        finally
        {
            writer.TryComplete(); // the exception, if any, is the producer task's, awaited by the reader side
        }
    }
}
