using Microsoft.Extensions.Time.Testing;
using RagPapers.Conversations;

namespace RagPapers.Core.Tests.Conversations;

public sealed class ConversationStoreTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task AcquireExistingAsync_UnknownKey_ReturnsNull()
    {
        var sut = Store();

        Assert.Null(await sut.AcquireExistingAsync("nobody"));
    }

    [Fact]
    public async Task AcquireAsync_SameKeyTwice_GivesTheSameConversation()
    {
        var sut = Store();
        var first = await sut.AcquireAsync("channel");
        first.Dispose();

        using var second = await sut.AcquireAsync("channel");

        Assert.Same(first.Conversation, second.Conversation);
    }

    [Fact]
    public async Task AcquireAsync_StoreFull_ForgetsTheLeastRecentlyUsed()
    {
        var sut = Store(maxConversations: 2);
        (await sut.AcquireAsync("a")).Dispose();
        (await sut.AcquireAsync("b")).Dispose();
        (await sut.AcquireAsync("a")).Dispose(); // "b" is now the least recently used

        (await sut.AcquireAsync("c")).Dispose();

        Assert.Equal((2, true, false, true), (sut.Count, sut.Contains("a"), sut.Contains("b"), sut.Contains("c")));
    }

    [Fact]
    public async Task Contains_IdleForTheIdleTime_IsFalse()
    {
        var sut = Store(idle: TimeSpan.FromMinutes(30));
        (await sut.AcquireAsync("a")).Dispose();

        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.False(sut.Contains("a"));
    }

    [Fact]
    public async Task Contains_InfiniteIdleTime_KeepsTheConversation()
    {
        var sut = Store(idle: Timeout.InfiniteTimeSpan);
        (await sut.AcquireAsync("a")).Dispose();

        _time.Advance(TimeSpan.FromDays(400));

        Assert.True(sut.Contains("a"));
    }

    [Fact]
    public async Task Forget_KnownKey_StartsAfreshNextTime()
    {
        var sut = Store();
        (await sut.AcquireAsync("a")).Dispose();

        sut.Forget("a");

        Assert.False(sut.Contains("a"));
    }

    [Fact]
    public async Task AcquireAsync_LeaseHeld_WaitsForItsRelease()
    {
        var sut = Store();
        var first = await sut.AcquireAsync("a");

        var second = sut.AcquireAsync("a");
        Assert.False(second.IsCompleted);
        first.Dispose();

        using var lease = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("a", lease.Id);
    }

    private ConversationStore Store(int maxConversations = 100, TimeSpan? idle = null) =>
        new(new ConversationLimits(maxConversations, idle ?? TimeSpan.FromMinutes(30)), _time);
}
