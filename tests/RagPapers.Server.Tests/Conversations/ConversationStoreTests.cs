using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RagPapers.Answering.FollowUps;
using RagPapers.Server.Configuration;
using RagPapers.Server.Conversations;

namespace RagPapers.Server.Tests.Conversations;

public sealed class ConversationStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Acquire_NoId_CreatesANewConversationWithAFreshId()
    {
        var sut = Store();

        using var first = await sut.AcquireAsync(null);
        using var second = await sut.AcquireAsync(null);

        Assert.Matches("^[0-9a-f]{32}$", first!.Id);
        Assert.NotEqual(first.Id, second!.Id);
        Assert.Equal(2, sut.Count);
    }

    [Fact]
    public async Task Acquire_KnownId_ReturnsTheSameConversation()
    {
        var sut = Store();
        string id;
        Conversation conversation;
        using (var lease = await sut.AcquireAsync(null))
        {
            (id, conversation) = (lease!.Id, lease.Conversation);
        }

        using var again = await sut.AcquireAsync(id);

        Assert.Same(conversation, again!.Conversation);
    }

    [Fact]
    public async Task Acquire_AfterIdleTimeout_TheConversationIsGone()
    {
        var sut = Store(idleMinutes: 30);
        var id = await NewConversationAsync(sut);

        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.Null(await sut.AcquireAsync(id));
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public async Task Acquire_UsedWithinIdleTimeout_StaysAlive()
    {
        var sut = Store(idleMinutes: 30);
        var id = await NewConversationAsync(sut);

        _time.Advance(TimeSpan.FromMinutes(20));
        (await sut.AcquireAsync(id))!.Dispose();
        _time.Advance(TimeSpan.FromMinutes(20));

        Assert.NotNull(await sut.AcquireAsync(id));
    }

    [Fact]
    public async Task Acquire_BeyondMaxConversations_DropsTheLeastRecentlyUsed()
    {
        var sut = Store(maxConversations: 3);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await NewConversationAsync(sut));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        (await sut.AcquireAsync(ids[0]))!.Dispose(); // now ids[1] is the least recently used
        var fourth = await NewConversationAsync(sut);

        Assert.Equal(3, sut.Count);
        Assert.Null(await sut.AcquireAsync(ids[1]));
        Assert.All(new[] { ids[0], ids[2], fourth }, id => Assert.True(sut.Contains(id)));
    }

    [Fact]
    public async Task Acquire_ManyClients_CountNeverExceedsTheBound()
    {
        var sut = Store(maxConversations: 50);

        await Parallel.ForEachAsync(Enumerable.Range(0, 2_000), async (_, ct) => (await sut.AcquireAsync(null, ct))!.Dispose());

        Assert.Equal(50, sut.Count);
    }

    [Fact]
    public async Task Acquire_WhileHeld_WaitsForTheRelease()
    {
        var sut = Store();
        var held = await sut.AcquireAsync(null);

        var waiting = sut.AcquireAsync(held!.Id);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        held.Dispose();

        using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Same(held.Conversation, next!.Conversation);
    }

    [Fact]
    public async Task Acquire_CancelledWhileWaiting_Throws()
    {
        var sut = Store();
        using var held = await sut.AcquireAsync(null);
        using var cancel = new CancellationTokenSource();

        var waiting = sut.AcquireAsync(held!.Id, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Conversation_KeepsAtMostMaxTurns()
    {
        var sut = Store(maxTurns: 2);

        using var lease = await sut.AcquireAsync(null);

        Assert.Equal(2, lease!.Conversation.MaxTurns);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", false)]
    [InlineData("0123456789abcdef", false)]
    [InlineData("g123456789abcdef0123456789abcdef", false)]
    public void IsWellFormedId_Checks32LowercaseHexDigits(string id, bool expected) =>
        Assert.Equal(expected, ConversationStore.IsWellFormedId(id));

    private ConversationStore Store(int maxConversations = 100, int idleMinutes = 30, int maxTurns = 20) =>
        new(Options.Create(new ServerOptions { MaxConversations = maxConversations, ConversationIdleMinutes = idleMinutes, MaxTurnsPerConversation = maxTurns }), _time);

    private static async Task<string> NewConversationAsync(ConversationStore store)
    {
        using var lease = await store.AcquireAsync(null);
        return lease!.Id;
    }
}
