using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using RagPapers.Storage.Qdrant;

namespace RagPapers.Core.Tests.Storage.Qdrant;

/// <summary>The retry pipeline on a fake clock: which statuses it retries, how long it waits, and that it waits on the clock it is given.</summary>
public sealed class QdrantResilienceTests
{
    [Theory]
    [InlineData(StatusCode.Unavailable, true)]
    [InlineData(StatusCode.DeadlineExceeded, true)]
    [InlineData(StatusCode.ResourceExhausted, true)]
    [InlineData(StatusCode.InvalidArgument, false)]
    [InlineData(StatusCode.NotFound, false)]
    [InlineData(StatusCode.Unauthenticated, false)]
    [InlineData(StatusCode.Internal, false)]
    public void IsTransient_Status_OnlyTheThreeThatPass(StatusCode status, bool expected) =>
        Assert.Equal(expected, QdrantResilience.IsTransient(status));

    [Fact]
    public async Task Build_ThreeRetries_WaitsOnTheGivenClockWithGrowingJitteredDelays()
    {
        var time = new FakeTimeProvider();
        var logger = new DelayLogger();
        var sut = QdrantResilience.Build(3, TimeSpan.FromMilliseconds(200), time, logger);
        var calls = 0;

        var run = sut.ExecuteAsync(_ => ++calls < 4 ? throw new RpcException(new Status(StatusCode.Unavailable, "down")) : ValueTask.FromResult(calls)).AsTask();
        while (!run.IsCompleted)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        Assert.Equal(4, await run);
        Assert.Equal(3, logger.Delays.Count);

        // Polly's jittered exponential backoff stays near 0.2 s · 2^n and below the 5 s cap; nothing waited in real time.
        Assert.All(logger.Delays, d => Assert.InRange(d, 1, 5000));
        Assert.True(logger.Delays.Sum() > 200, string.Join(", ", logger.Delays));
    }

    [Fact]
    public async Task Build_NoRetries_PassesTheFirstFailureThrough()
    {
        var sut = QdrantResilience.Build(0, TimeSpan.FromMilliseconds(200), TimeProvider.System, NullLogger.Instance);
        var calls = 0;

        await Assert.ThrowsAsync<RpcException>(async () => await sut.ExecuteAsync(_ =>
        {
            calls++;
            throw new RpcException(new Status(StatusCode.Unavailable, "down"));
        }));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Build_TwoCallsFindTheServerDown_FailsFastForTheBreakThenTriesAgain()
    {
        var time = new FakeTimeProvider();
        var sut = QdrantResilience.Build(0, TimeSpan.FromMilliseconds(200), time, NullLogger.Instance);
        var calls = 0;
        ValueTask<int> Down(CancellationToken _)
        {
            calls++;
            throw new RpcException(new Status(StatusCode.Unavailable, "down"));
        }

        await Assert.ThrowsAsync<RpcException>(async () => await sut.ExecuteAsync(Down));
        await Assert.ThrowsAsync<RpcException>(async () => await sut.ExecuteAsync(Down));
        await Assert.ThrowsAsync<BrokenCircuitException>(async () => await sut.ExecuteAsync(Down));
        Assert.Equal(2, calls); // the third call was not sent

        time.Advance(QdrantResilience.BreakDuration);
        var probe = await sut.ExecuteAsync(_ => ValueTask.FromResult(++calls));
        var next = await sut.ExecuteAsync(_ => ValueTask.FromResult(++calls));

        Assert.Equal((3, 4), (probe, next)); // tried again after the break, and closed
    }

    [Theory]
    [InlineData(StatusCode.ResourceExhausted)]
    [InlineData(StatusCode.NotFound)]
    public async Task Build_FailuresOfAServerThatIsUp_DoNotOpenTheBreaker(StatusCode status)
    {
        var sut = QdrantResilience.Build(0, TimeSpan.FromMilliseconds(200), new FakeTimeProvider(), NullLogger.Instance);
        var calls = 0;

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<RpcException>(async () => await sut.ExecuteAsync<int>(_ =>
            {
                calls++;
                throw new RpcException(new Status(status, "refused"));
            }));
        }

        Assert.Equal(4, calls);
    }

    private sealed class DelayLogger : ILogger
    {
        public List<long> Delays { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "DelayMs").Value is long delay)
            {
                Delays.Add(delay);
            }
        }
    }
}
