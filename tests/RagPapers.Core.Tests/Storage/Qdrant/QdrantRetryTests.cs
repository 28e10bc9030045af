using Grpc.Core;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Core.Tests.Storage.Contract;
using RagPapers.Storage;
using RagPapers.Testing.Qdrant;

namespace RagPapers.Core.Tests.Storage.Qdrant;

/// <summary>Unavailable, DeadlineExceeded and ResourceExhausted are retried with backoff; what cannot succeed fails fast with a message naming the server.</summary>
public sealed class QdrantRetryTests(QdrantStandInFixture fixture) : IClassFixture<QdrantStandInFixture>, IDisposable
{
    // Guards against a hang: far above what any of these tests needs, far below the test run's patience.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private readonly string _collection = TestQdrant.NewCollection();

    public void Dispose()
    {
        fixture.Server.Faults.Clear(); // leave no fault behind for the next test
        fixture.Server.AssertNoViolations();
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.ResourceExhausted)]
    [InlineData(StatusCode.DeadlineExceeded)]
    public async Task CountPapersAsync_TransientStatusThenOk_RetriesAndSucceeds(StatusCode status)
    {
        await using var sut = await TestQdrant.OpenAsync(fixture.Server.Url, _collection);
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1"))]);
        fixture.Server.ClearCalls();
        fixture.Server.Faults.Status(status, times: 2);

        var count = await sut.CountPapersAsync().WaitAsync(HangGuard);

        Assert.Equal(1, count);
        Assert.Equal(3, fixture.Server.CallsTo("Points/Count").Count);
    }

    [Fact]
    public async Task UpsertAsync_SlowReplyPastTheDeadline_RetriedUntilApplied()
    {
        await using var sut = TestQdrant.Index(fixture.Server.Url, _collection, timeoutSeconds: 1);
        await sut.OpenAsync(TestStores.Embedder);
        fixture.Server.Faults.Delay(TimeSpan.FromSeconds(5));

        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1"))]).WaitAsync(HangGuard);

        Assert.Equal(1, await sut.CountPapersAsync());
        Assert.Equal(0, fixture.Server.Faults.Pending);
        Assert.Equal(2, fixture.Server.CallsTo("Points/Delete").Count); // the stale-chunk delete timed out once
    }

    [Fact]
    public async Task CountPapersAsync_UnavailableEveryTime_ThrowsAfterRetriesNamingTheServer()
    {
        await using var sut = await TestQdrant.OpenAsync(fixture.Server.Url, _collection);
        fixture.Server.ClearCalls();
        fixture.Server.Faults.Status(StatusCode.Unavailable, times: 4);

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.CountPapersAsync().WaitAsync(HangGuard));

        Assert.Equal(4, fixture.Server.Calls.Count); // 1 + MaxRetries (3)
        Assert.StartsWith($"Qdrant at {fixture.Server.Url} is unreachable:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("injected fault Unavailable", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(Points/Count; 4 attempts)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountPapersAsync_CollectionDeletedUnderneath_NotFoundIsNotRetried()
    {
        await using var sut = await TestQdrant.OpenAsync(fixture.Server.Url, _collection);
        using (var client = new global::Qdrant.Client.QdrantClient(fixture.Server.Url))
        {
            await client.DeleteCollectionAsync(_collection);
        }

        fixture.Server.ClearCalls();

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.CountPapersAsync());

        Assert.Single(fixture.Server.Calls);
        Assert.Contains("rejected Points/Count (NotFound)", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"Not found: Collection `{_collection}` doesn't exist!", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NothingListening_FailsFastNamingTheUrl()
    {
        var url = QdrantStandIn.ClosedPortUrl();
        await using var sut = TestQdrant.Index(url, _collection, maxRetries: 2);

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.OpenAsync(TestStores.Embedder).WaitAsync(HangGuard));

        Assert.StartsWith($"Qdrant at {url} is unreachable: Connection refused", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(Qdrant/HealthCheck; 3 attempts)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Store:Qdrant:Url", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_ServerFoundDownTwice_FailsAtOnceWithoutACall()
    {
        var url = QdrantStandIn.ClosedPortUrl();
        await using var sut = TestQdrant.Index(url, _collection, maxRetries: 0);

        var first = await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.OpenAsync(TestStores.Embedder).WaitAsync(HangGuard));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.OpenAsync(TestStores.Embedder).WaitAsync(HangGuard));
        var third = await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.OpenAsync(TestStores.Embedder).WaitAsync(HangGuard));

        Assert.Contains("Connection refused", first.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Qdrant at {url} is unreachable: it was found down moments ago, so Qdrant/HealthCheck was not sent", third.Message, StringComparison.Ordinal);
        Assert.Contains("Store:Qdrant:Url", third.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_ServerNeverAnswers_TimesOutPerAttemptInsteadOfHanging()
    {
        await using var sut = TestQdrant.Index(fixture.Server.Url, _collection, maxRetries: 1, timeoutSeconds: 1);
        fixture.Server.Faults.Delay(TimeSpan.FromSeconds(30), times: 2);

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.OpenAsync(TestStores.Embedder).WaitAsync(HangGuard));

        Assert.Contains("no reply within 1 s (Store:Qdrant:TimeoutSeconds)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2 attempts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountPapersAsync_CanceledWhileRetrying_ThrowsOperationCanceled()
    {
        await using var sut = TestQdrant.Index(fixture.Server.Url, _collection, maxRetries: 10, time: new NeverTicking());
        await sut.OpenAsync(TestStores.Embedder);
        fixture.Server.Faults.Status(StatusCode.Unavailable, times: 10);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        // The backoff waits on a clock that never moves, so only the cancellation can end the call.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.CountPapersAsync(cts.Token).WaitAsync(HangGuard));
    }

    private sealed class NeverTicking : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new Idle();

        private sealed class Idle : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
