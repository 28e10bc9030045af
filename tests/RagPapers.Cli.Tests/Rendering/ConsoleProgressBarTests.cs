using RagPapers.Cli.Rendering;
using RagPapers.Ingestion;

namespace RagPapers.Cli.Tests.Rendering;

public sealed class ConsoleProgressBarTests
{
    private const long MegaBytes100 = 100L * 1024 * 1024;

    [Fact]
    public void Report_Redirected_OneLineEveryTenSecondsWithRateAndEtaFromBytes()
    {
        var output = new StringWriter();
        var clock = new ManualClock();
        var sut = new ConsoleProgressBar("Ingesting", MegaBytes100, output, interactive: false, clock);

        clock.Advance(TimeSpan.FromSeconds(4));
        sut.Report(Progress(records: 4_000, bytes: MegaBytes100 / 5));
        clock.Advance(TimeSpan.FromSeconds(6));
        sut.Report(Progress(records: 10_000, bytes: MegaBytes100 / 4));
        clock.Advance(TimeSpan.FromSeconds(5));
        sut.Report(Progress(records: 15_000, bytes: MegaBytes100 / 2));

        // At 10 s a quarter of the bytes is read: three quarters left take 30 s more.
        Assert.Equal(["Ingesting: 10,000 records (1,000/s), 25% of 100 MB, ETA 0:00:30"], output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void Report_Terminal_BarFollowsTheBytesAndTheEtaEndsWithTheInput()
    {
        var output = new StringWriter();
        var clock = new ManualClock();
        var sut = new ConsoleProgressBar("Ingesting", MegaBytes100, output, interactive: true, clock);

        clock.Advance(TimeSpan.FromSeconds(2));
        sut.Report(Progress(records: 2_000, bytes: MegaBytes100 / 10));
        clock.Advance(TimeSpan.FromSeconds(18));
        sut.Report(Progress(records: 20_000, bytes: MegaBytes100));
        sut.Complete();

        var draws = output.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        // A tenth in 2 s: nine tenths take 18 s more; 3 of the 30 cells filled.
        Assert.Equal("Ingesting [###...........................] 2,000 records (1,000/s), 10% of 100 MB, ETA 0:00:18  ", draws[0]);
        Assert.Equal($"Ingesting [{new string('#', 30)}] 20,000 records (1,000/s), 100% of 100 MB  {Environment.NewLine}", draws[1]);
    }

    [Fact]
    public void Describe_NoFileSize_CountAndRateOnly()
    {
        var sut = new ConsoleProgressBar("Ingesting", 0, new StringWriter(), interactive: true, new ManualClock());

        Assert.Equal("300 records (100/s)", sut.Describe(Progress(records: 300, bytes: 0), TimeSpan.FromSeconds(3)));
    }

    private static IngestProgress Progress(int records, long bytes) => new(records, records, 0, 0, 0, bytes);

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
