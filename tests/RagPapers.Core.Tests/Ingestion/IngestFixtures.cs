using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Ingestion;
using RagPapers.Papers;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Ingestion;

internal static class IngestFixtures
{
    public static Paper[] SamplePapers(int count) =>
        Enumerable.Range(0, count)
            .Select(i => TestPapers.Make($"p{i}", title: $"Title {i}", abstractText: $"Abstract about topic{i} and shared words.", published: new DateOnly(2024, 1, 1).AddDays(i)))
            .ToArray();

    public static ReadResult[] Read(IEnumerable<Paper> papers) => papers.Select(ReadResult.Read).ToArray();

    public static Ingestor CreateIngestor(IPaperIndex index, HashingEmbeddingGenerator? embedder = null, int batchSize = 256, TimeProvider? timeProvider = null)
    {
        var options = Options.Create(new IngestionOptions { BatchSize = batchSize });
        return new Ingestor(index, embedder ?? new HashingEmbeddingGenerator(), new Chunker(options), options, timeProvider ?? TimeProvider.System, NullLogger<Ingestor>.Instance);
    }

    public sealed class SyncProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }

    /// <summary>Each timestamp read is <c>step</c> later than the previous one.</summary>
    public sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += step.Ticks;
    }
}
