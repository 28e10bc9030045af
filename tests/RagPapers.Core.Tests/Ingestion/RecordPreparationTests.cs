using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Ingestion;
using RagPapers.Papers;

namespace RagPapers.Core.Tests.Ingestion;

public sealed class RecordPreparationTests
{
    private readonly Chunker _chunker = new(Options.Create(new IngestionOptions()));

    [Fact]
    public async Task PrepareAheadAsync_ConsumerWaits_ReadingStopsABoundedNumberAhead()
    {
        var pulled = 0;
        await using var sut = RecordPreparation.PrepareAheadAsync(Counting(10_000, () => Interlocked.Increment(ref pulled)), _chunker, ahead: 10).GetAsyncEnumerator();

        Assert.True(await sut.MoveNextAsync());
        for (var wait = 0; Volatile.Read(ref pulled) < 11 && wait < 1_000; wait++)
        {
            await Task.Delay(10); // lets the reading thread fill the channel
        }

        await Task.Delay(100);
        Assert.InRange(Volatile.Read(ref pulled), 11, 12); // the one taken, ten waiting, at most one in hand
    }

    [Fact]
    public async Task PrepareAheadAsync_Records_HashedAndChunkedInReadingOrder()
    {
        var records = new[] { ReadResult.Read(TestPapers.Make("a")), ReadResult.Skip("f.jsonl", 2, "broken"), ReadResult.Read(TestPapers.Make("b")) };

        var sut = await RecordPreparation.PrepareAheadAsync(TestPapers.Stream(records), _chunker, ahead: 1).ToListAsync();

        Assert.Equal(records, sut.Select(p => p.Record));
        Assert.Equal(PaperHashing.ContentHash(records[2].Paper!), sut[2].ContentHash);
        Assert.Equal(_chunker.Split(records[0].Paper!).Select(c => c.Text), sut[0].Chunks!.Select(c => c.Text));
        Assert.Null(sut[1].Chunks);
    }

    private static async IAsyncEnumerable<ReadResult> Counting(int count, Action pulled, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            pulled();
            yield return ReadResult.Read(TestPapers.Make($"p{i}"));
        }
    }
}
