using System.Net;
using System.Net.Sockets;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Core.Tests.Storage.Contract;
using RagPapers.Storage;

namespace RagPapers.Core.Tests.Storage.Qdrant;

/// <summary>Faults, 5xx and timeouts are retried with backoff; what cannot succeed fails fast with a message naming the server.</summary>
public sealed class QdrantRetryTests(QdrantStandInFixture fixture) : IClassFixture<QdrantStandInFixture>, IDisposable
{
    // Guards against a hang: far above what any of these tests needs, far below the test run's patience.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private readonly string collection = TestQdrant.NewCollection();

    public void Dispose() => fixture.Server.AssertNoViolations();

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    public async Task CountPapersAsync_TransientStatusThenOk_RetriesAndSucceeds(int status)
    {
        await using var sut = await TestQdrant.OpenAsync(fixture.Server.Url, collection);
        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1"))]);
        fixture.Server.ClearRequests();
        fixture.Server.Faults.Status(status, times: 2);

        var count = await sut.CountPapersAsync().WaitAsync(HangGuard);

        Assert.Equal(1, count);
        Assert.Equal(3, fixture.Server.Requests.Count(r => r.OperationId == "count_points"));
    }

    [Fact]
    public async Task UpsertAsync_DroppedConnectionAndSlowReply_RetriedUntilApplied()
    {
        await using var sut = TestQdrant.Index(fixture.Server.Url, collection, timeoutSeconds: 0.5);
        await sut.OpenAsync(TestStores.Embedder);
        fixture.Server.Faults.Drop().Delay(TimeSpan.FromSeconds(3));

        await sut.UpsertAsync([TestPapers.Document(TestPapers.Make("p1"))]).WaitAsync(HangGuard);

        Assert.Equal(1, await sut.CountPapersAsync());
        Assert.Equal(0, fixture.Server.Faults.Pending);
    }

    [Fact]
    public async Task CountPapersAsync_503EveryTime_ThrowsAfterRetriesWithQdrantsError()
    {
        await using var sut = await TestQdrant.OpenAsync(fixture.Server.Url, collection);
        fixture.Server.ClearRequests();
        fixture.Server.Faults.Status(503, times: 4);

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.CountPapersAsync().WaitAsync(HangGuard));

        Assert.Equal(4, fixture.Server.Requests.Count); // 1 + MaxRetries (3)
        Assert.Contains($"Qdrant at {fixture.Server.Url}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("503 Service Unavailable", ex.Message, StringComparison.Ordinal);
        Assert.Contains("injected fault 503", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountPapersAsync_CollectionDeletedUnderneath_404IsNotRetried()
    {
        await using var sut = await TestQdrant.OpenAsync(fixture.Server.Url, collection);
        using (var http = new HttpClient { BaseAddress = fixture.Server.Url })
        {
            (await http.DeleteAsync($"collections/{collection}")).EnsureSuccessStatusCode();
        }

        fixture.Server.ClearRequests();

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.CountPapersAsync());

        Assert.Single(fixture.Server.Requests);
        Assert.Contains("(404 Not Found)", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"Collection `{collection}` doesn't exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NothingListening_FailsFastNamingTheUrl()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        await using var sut = TestQdrant.Index(url, collection, maxRetries: 2);

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.OpenAsync(TestStores.Embedder).WaitAsync(HangGuard));

        Assert.StartsWith($"Qdrant at {url} is unreachable: Connection refused", ex.Message, StringComparison.Ordinal);
        Assert.Contains("3 attempts", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Store:Qdrant:Url", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_ServerNeverAnswers_TimesOutPerAttemptInsteadOfHanging()
    {
        await using var sut = TestQdrant.Index(fixture.Server.Url, collection, maxRetries: 1, timeoutSeconds: 0.3);
        fixture.Server.Faults.Delay(TimeSpan.FromSeconds(30), times: 2);

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.OpenAsync(TestStores.Embedder).WaitAsync(HangGuard));

        Assert.Contains("no reply within 0.3 s (Store:Qdrant:TimeoutSeconds)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountPapersAsync_CanceledWhileBackingOff_ThrowsOperationCanceled()
    {
        await using var sut = TestQdrant.Index(fixture.Server.Url, collection, maxRetries: 10);
        await sut.OpenAsync(TestStores.Embedder);
        fixture.Server.Faults.Status(503, times: 10);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.CountPapersAsync(cts.Token).WaitAsync(HangGuard));

        fixture.Server.Faults.Clear(); // leave no fault behind for the next test
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
